// English texts of the privacy notice, the Art. 30 record and the short information text; the same
// keys as texts-fi.ts, which the type below enforces.
import type { noticeFi } from './texts-fi';

export const noticeEn: Record<keyof typeof noticeFi, string> = {
  empty: '—',
  title: 'Privacy notice',
  metaLaw: 'EU General Data Protection Regulation (2016/679), Articles 13 and 14',
  metaDate: 'Prepared on {date}',

  heading_controller: 'Controller',
  heading_contactPerson: 'Contact person for register matters',
  heading_registerName: 'Name of the register',
  heading_purpose: 'Purpose of processing personal data',
  heading_legalBasis: 'Legal basis for processing',
  heading_legitimateInterest: 'Legitimate interest',
  heading_dataSubjects: 'Categories of data subjects',
  heading_informing: 'Informing about the registration',
  heading_dataContent: 'Personal data in the register',
  heading_sources: 'Regular sources of data',
  heading_disclosures: 'Regular disclosures of data',
  heading_transfers: 'Transfers outside the EU or EEA',
  heading_processors: 'Processors',
  heading_systems: 'Systems in which personal data is processed',
  heading_retention: 'Retention period',
  heading_securityManual: 'Security principles A: manual material',
  heading_securityElectronic: 'Security principles B: electronic material',
  heading_rights: 'Your rights',
  heading_rightAccess: 'Right of access to your personal data',
  heading_rightRectification: 'Right to rectification',
  heading_rightErasure: 'Right to erasure (to be forgotten)',
  heading_rightRestriction: 'Right to restriction of processing',
  heading_rightObjection: 'Right to object',
  heading_rightPortability: 'Right to data portability',
  heading_rightOther: 'Other rights related to the processing of personal data',
  heading_rightComplaint: 'Right to lodge a complaint with the supervisory authority',
  heading_cookies: 'Cookies',

  category_name: 'name',
  category_jobTitle: 'job title',
  category_phone: 'phone number',
  category_email: 'email address',
  category_address: 'postal address',
  category_birthDate: 'date of birth',
  category_age: 'age',
  category_www: 'web address',
  category_ipAddress: 'IP address',
  category_notes: 'free-text notes',
  category_organization: 'the company or organisation represented and its contact details',
  category_orders: 'orders and services purchased',
  category_billing: 'billing details',
  category_interests: 'interests',
  category_feedback: 'feedback and contacts',
  category_marketingChannels: 'direct marketing permissions by channel (email, text message, phone, post)',
  category_directMarketingBan: 'whether direct marketing is prohibited',
  category_bans:
    'prohibitions set by the person (direct marketing, publication in lists, market and opinion research, profiling)',
  category_relationship: 'kind and status of the customer relationship (active, passivated, ended) with dates',
  category_registration:
    'source of the data, date recorded, language, and the date the person was told about the registration',
  category_usageData: 'data collected with cookies and website usage data (such as browser, visits and clicks)',
  category_profiling: 'profiling data (customer groups formed from interests and purchase history)',

  basis_legitimateInterest: "the controller's legitimate interest (GDPR Article 6(1)(f))",
  basis_contract: 'a contract, or steps before entering into one (Article 6(1)(b))',
  basis_consent: "the person's consent (Article 6(1)(a))",
  basis_legalObligation: "the controller's legal obligation, such as the Accounting Act (Article 6(1)(c))",
  basesIntro: 'Personal data is processed on the following legal bases:',
  marketingIntro: 'Direct marketing is sent by channel as follows:',
  marketingChannel_email: 'Email',
  marketingChannel_sms: 'Text message',
  marketingChannel_phone: 'Phone',
  marketingChannel_post: 'Post',
  marketing_optIn: '{channel}: only with your consent, which you can withdraw at any time.',
  marketing_optOut: '{channel}: without separate consent until you object. You can object at any time.',

  businessId: 'Business ID {id}',
  contactFallback: 'In matters concerning the register, please contact the controller (details above).',
  subjectsIntro: 'The register holds data about people in the following groups:',
  contentIntro: 'The register may hold the following data:',
  contentByGroupIntro: 'The register may hold the following data, by group:',
  sourcesListIntro: 'The data comes from the following sources:',
  disclosuresNone: 'Data is not regularly disclosed outside the controller.',
  transfer_notTransferred: 'Data is not transferred outside the EU or EEA.',
  transfer_partnersInEea: "Data is processed on partners' servers located in the EU or EEA.",
  transfer_partnersLocationUnknown:
    "Data is also processed on partners' servers whose location is not known to the controller, so data may also be processed outside the EU or EEA.",
  transfer_outsideEeaSafeguard:
    'Data is transferred outside the EU or EEA with safeguards under Chapter V of the General Data Protection Regulation.',
  transfersIntro: 'The following processors may process data outside the EU or EEA:',
  transferLine: '{name} ({location}): {safeguard}',
  transferNoSafeguard: 'no safeguard recorded for the transfer',
  processorsIntro:
    "The controller uses the following processors, who process the data only on the controller's behalf and instructions:",
  processorsNone: 'The controller uses no processors.',
  processor_name: 'Processor',
  processor_receives: 'What data',
  processor_location: 'Where',
  processor_safeguard: 'Transfer safeguard',
  processor_notTransferred: 'no transfer outside the EU or EEA',

  retention_inactive: "If the customer relationship has not been active for {period}, the person's data is {action}.",
  retention_passive_not_moved:
    'If a passivated person does not move to a new client organisation within {period} of passivation, their data is {action}.',
  retention_after_end: "A person's data is {action} {period} after the end of the customer relationship.",
  retention_prospect_not_converted:
    "A potential customer's data is {action} if they have not become a customer within {period} of being recorded.",
  retentionAction_delete: 'deleted',
  retentionAction_anonymise: 'anonymised',
  retentionKinds: '(Applies to: {kinds}.)',
  retentionBookkeeping:
    'Orders and invoices (date, amount, description, payment status) are kept as bookkeeping records as long as the Accounting Act requires, {period} from the end of the financial year, also when the person’s other data is erased; they are then no longer linked to the person.',
  retentionOnRequest:
    'Data is also deleted at the person’s request, unless law, an open invoice or debt collection prevents it. No personal data of a deleted person remains in the register.',

  security_encryptedHere: "The register is stored encrypted (AES-256) on the controller's computer.",
  security_notInCloud:
    "The register is not sent to any cloud service: the data is only on the controller's computer and its encrypted backups.",
  security_partnerServers:
    "Some of the data is also on partners' servers (such as a web shop, booking system or newsletter service), which process it on the controller's behalf and protect it with their own security measures.",
  security_backupsEncrypted: 'Backups of the register are encrypted too.',
  security_personalLogins:
    'Every user has a personal username and password, and access is limited according to tasks. Every view, change, export and deletion of data is logged.',
  security_confidentiality: 'Every employee who uses the register has signed a confidentiality agreement.',
  security_paperLocked: 'Paper documents are kept in locked premises.',
  security_noPaper: "The register's data is not kept on paper.",

  rightsIntro:
    'You have the rights described below. Please address requests to the contact person for the register: {contact}.',
  rightsHow:
    'You can make a request in writing, by email or in person. So that your data does not reach the wrong person, the controller may ask for information to confirm your identity, for example by checking an identity document, by replying to the email address in the register or by calling the phone number in the register.',
  rightsDeadline:
    'We answer without delay and at the latest within one month of receiving a request. Where requests are complex or numerous, the time may be extended by at most two further months; you will be told of this within the first month.',
  rightAccess_text:
    'You have the right to check what data about you is in the register and to receive a copy of it. You can make the request in Finnish or English.',
  rightRectification_text:
    'Personal data in the register that is incorrect, unnecessary, incomplete or out of date for the purpose of processing is rectified, erased or completed. Please say in the request what data should be corrected and why. Corrections are made without delay, and whoever the incorrect data came from or was disclosed to is told. If a request is refused, the controller gives a written certificate stating the reasons; the refusal can be referred to the Data Protection Ombudsman.',
  rightErasure_text:
    'You have the right to have your data erased. It is erased from the whole register unless law, an open invoice or debt collection prevents it; you are told what prevents it.',
  rightRestriction_text:
    'You have the right to ask for processing of your data to be restricted, for example while you contest its accuracy. While processing is restricted, the data is only stored.',
  rightObjection_text:
    'You have the right to object, on grounds relating to your particular situation, to processing based on legitimate interest, and to object to direct marketing at any time.',
  rightPortability_text:
    'You have the right to receive the data you have provided in a structured, commonly used and machine-readable format and to move it to another system, where processing is based on consent or a contract.',
  rightOther_text:
    'You have the right to prohibit the processing and disclosure of your data for direct advertising, distance selling and other direct marketing, for market and opinion research and for profiling, to prohibit publishing your data in lists (such as mailing labels), and to require anonymisation of data where applicable.',
  rightComplaint_text:
    'If you consider that the processing of your personal data infringes the General Data Protection Regulation, you have the right to lodge a complaint with the supervisory authority. You may also lodge it in the Member State of your habitual residence or place of work. The national supervisory authority:',
  cookiesWebsites: 'Websites: {websites}',

  record_title: 'Record of processing activities',
  record_meta: 'EU General Data Protection Regulation (2016/679), Article 30(1)',
  record_controller: 'Controller',
  record_contact: 'Contact person',
  record_activity: 'Processing activity',
  record_purposes: 'Purposes of the processing',
  record_bases: 'Legal bases',
  record_subjects: 'Categories of data subjects',
  record_categories: 'Categories of personal data',
  record_sources: 'Sources of data',
  record_recipients: 'Recipients and categories of recipients',
  record_processors: 'Processors',
  record_transfers: 'Transfers to third countries and safeguards',
  record_retention: 'Time limits for erasure',
  record_security: 'General description of technical and organisational security measures',
  record_users: 'Users of the register',
  record_usersLine: 'owners {owner}, staff {staff}, read-only {readonly}',

  inform_greeting: 'Dear {name},',
  inform_greetingGeneric: 'Hello,',
  inform_who: 'We would like to let you know that your data is kept in the register "{register}" of {controller}.',
  inform_whoUnnamed: 'We would like to let you know that your data is kept in the register "{register}".',
  inform_source: 'We received your data from: {source}.',
  inform_why: 'We use the data for these purposes:',
  inform_notice:
    'The full privacy notice, which tells in more detail what data we keep, for how long, and what your rights are, is available at: {location}.',
  inform_noticeOnRequest:
    'You can ask for the full privacy notice, which tells in more detail what data we keep, for how long, and what your rights are, from: {contact}.',
  inform_rights:
    'You have the right to access your data, to have it rectified or erased, to have its processing restricted, to object to processing, to move your data to another system, and to prohibit direct marketing. Please address requests to: {contact}.',
  inform_noticeOnRequestUnnamed:
    'You can ask for the full privacy notice, which tells in more detail what data we keep, for how long, and what your rights are, by replying to this message.',
  inform_rightsUnnamed:
    'You have the right to access your data, to have it rectified or erased, to have its processing restricted, to object to processing, to move your data to another system, and to prohibit direct marketing. You can send requests by replying to this message.',
  inform_complaint: 'You also have the right to lodge a complaint with the supervisory authority ({authority}, {www}).',
  inform_closing: 'Kind regards',
};
