// English strings of the settings screen, the printed privacy notice, presets and the first-run setup step.
import type { settingsFi } from './settings.fi';

export const settingsEn: typeof settingsFi = {
  nav: 'Settings',
  title: 'Settings',
  intro:
    'The register’s details Kaappi makes the privacy notice from. Save each part on its own. After a change, save the notice again.',
  ownerOnly: 'Only the register’s owner can change the settings.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  errorsTitle: 'Check the marked fields.',
  required: 'This is needed.',
  fi: 'in Finnish',
  en: 'in English',
  inFinnish: '{label} in Finnish',
  inEnglish: '{label} in English',
  loadFailed: 'The settings could not be read. Try again.',
  contents: 'On this page',

  groups: {
    title: 'Groups of data subjects',
    intro:
      'Each kind of relationship is a group in the notice. A group can have its own data list and its own direct-marketing channels; otherwise it follows the whole register’s choices. When any group has its own list, the notice lists the data group by group.',
    groupTitle: 'Group: {group}',
    ownList: 'The group has its own data list',
    registerList: 'The group follows the register’s data content.',
    categoriesLegend: 'Data kept about {group}',
    chooseOne: 'Choose at least one kind of data, or remove the group’s own list.',
    ownChannels: 'The group has its own direct-marketing channels',
    registerChannels: 'The group follows the register’s direct-marketing choices.',
    electronicStaysOptIn:
      'Email and text messages always need consent (Finnish Act on Electronic Communications Services, section 200); a direct-marketing ban always stops marketing.',
    fieldsTitle: 'Custom fields by group',
    fieldsIntro:
      'Choose the groups whose persons have the field. A field cannot be taken from a group whose persons have values in it.',
    everyGroup: 'None chosen: every group has the field.',
  },

  notice: {
    title: 'Privacy notice',
    upToDate: 'The privacy notice is up to date (saved {date}).',
    outOfDate:
      'The privacy notice is out of date: the settings have changed since it was saved. Save it again and publish the new version.',
    never: 'The privacy notice has not been saved yet. Save it once the settings are ready.',
    savedNotReady: 'The privacy notice was saved on {date}, but it is not ready to publish yet.',
    checklistLeft: '{count} checklist items are still unchecked.',
    gapsTitle: 'The notice lacks:',
    gaps: {
      'controller.name': 'the controller’s name',
      'controller.contact': 'a contact detail (email or phone)',
      purposes: 'the purposes in Finnish and English',
      legalBases: 'the legal basis',
      balancingNote: 'the legitimate interest balancing in Finnish and English',
      retention: 'retention periods (retention rules or a text)',
      transfers: 'a choice whether data is transferred outside the EU/EEA',
      transferSafeguard: 'the safeguard of a transfer outside the EU/EEA',
      securityCloud: "the measure 'never in a cloud' contradicts the processors or partners' servers",
      cookiesText: 'what the cookies collect, in Finnish and English',
    },
    previewFi: 'Preview in Finnish',
    previewEn: 'Preview in English',
    previewRecord: 'Preview the record of processing activities',
    previewLabel: 'Preview: {title}',
    recordTitle: 'Record of processing activities (Art. 30)',
    save: 'Save the privacy notice (HTML and PDF)',
    saveRecord: 'Save the record of processing activities (Art. 30)',
    savingFiles: 'Saving…',
    savedFiles: 'Saved in {folder}: {files}.',
    cancelled: 'Saving was cancelled.',
    close: 'Close',
    recordHint:
      'The record of processing activities (GDPR Article 30) is for your own use: it is not published, but the Data Protection Ombudsman may ask to see it.',
    saveHint:
      'Kaappi asks for a folder and saves the notice in Finnish and English, as HTML and PDF files. Publish it, for example on your website.',
  },

  derived: {
    title: 'Taken from the register',
    intro:
      'Kaappi takes these into the notice straight from the register: the relationship kinds, the data and custom fields in use, the data sources and the periods of the retention rules.',
    subjectKinds: 'Whose data the register holds',
    categories: 'Data content',
    sources: 'Data sources',
    retention: 'Periods from the retention rules',
    none: 'None.',
    openRetention: 'Open the retention rules',
  },

  card: {
    title: 'Privacy notice',
    open: 'Open settings',
  },

  steps: {
    allDoneTitle: 'The settings are done',
    allDoneText:
      'The privacy notice is saved. Publish it where you promise it can be read. Next you can add your first customer and take your first backup from the home screen.',
    firstCustomer: 'Add your first customer',
    toHome: 'To the home screen',
    listLabel: 'Settings steps',
    stepOf: 'Step {number} of {total}',
    done: 'Done',
    notDone: 'Not done',
    previous: '← Previous: {step}',
    next: 'Next: {step} →',
    stepDone: '✓ This step is done.',
    stepNotDone: 'This step is not done yet.',
    dataMissing: 'Choose at least one kind of data you keep about customers.',
    progress: '{done} of {total} done',
    names: {
      controller: 'Your business',
      contact: 'Contact person',
      data: 'Data you keep',
      purposes: 'Purposes',
      recipients: 'Who receives data',
      retention: 'Retention',
      security: 'Security',
      notice: 'Finish the notice',
    },
    intros: {
      controller:
        'Who keeps the register: your business name, business ID and contact details. You can also start from a ready template, which fills in the other steps for you.',
      contact:
        'Whom a customer can contact about their own data, and where they can complain. A phone number or email for the business or the contact person is enough.',
      data: 'What you keep about customers and where it comes from.',
      purposes: 'What you use the data for and on what grounds, and how you market.',
      recipients:
        'Who else handles the data for you (for example a newsletter service or an accountant) and whether data goes outside the EU.',
      retention: 'How long data is kept. Retention rules are chosen on their own page.',
      security: 'How the data is protected.',
      notice:
        'Last: go through the template’s checklist and save the notice. The step is done when the notice lacks nothing and the saved notice is up to date.',
    },
    homeTitle: 'Settings',
    homeProgress: 'Settings {done}/{total} done.',
    homeLeft: 'Not done: {steps}.',
    homeContinue: 'Continue: {step}',
    homeOpen: 'Open settings',
  },

  checklist: {
    title: 'Checklist',
    intro:
      'A template is a starting point, not a finished notice. Check these and change the settings where needed. The notice is ready to publish once every item is checked and nothing is missing.',
    progress: '{done} of {total} items checked.',
    allDone: 'Every item is checked.',
  },
  presets: {
    title: 'Ready-made templates',
    intro:
      'Choose a template for a business like yours: it brings relationship kinds, data sources, retention rules and the notice texts. You fill in your own contact details, and the template leaves a checklist. You can edit everything afterwards.',
    apply: 'Use',
    applyNamed: 'Use: {name}',
    confirmTitle: 'Use the template {name}?',
    confirmIntro: 'The template changes these settings:',
    changes: [
      'relationship kinds and data sources: the template’s are switched on with its names, the others are no longer offered for new persons (data already saved stays)',
      'custom fields: the template’s fields are added',
      'retention rules: the template’s rules are switched on, the others off',
      'the notice texts (register name, purposes, legal bases, data content, processors, security, cookies) are replaced by the template’s',
      'the checklist starts over: the notice is ready only once you have checked its items',
    ],
    confirmKeep: 'The controller, contact person and supervisory authority, and the customers’ data, stay as they are.',
    confirm: 'Use the template',
    applied: 'The template “{name}” is now in use.',
    none: 'No templates were found.',
    problems: 'These template files could not be read:',
  },

  sections: {
    bases: {
      legend: 'Legal basis',
      intro: 'On what basis do you process your customers’ data? Choose one or more.',
      legitimateInterest: 'Legitimate interest',
      contract: 'Contract (customer relationship)',
      consent: 'Consent',
      legalObligation: 'Legal obligation',
      explanation: 'Explanation of the basis',
      balancingNote: 'Legitimate interest balancing',
      balancingHint:
        'Needed when the basis is legitimate interest: why your interest outweighs the customer’s and how the customer can object.',
      balancingRequired: 'Write the balancing: the basis is legitimate interest.',
      chooseOne: 'Choose at least one basis.',
    },
    processors: {
      legend: 'Processors and transfers',
      intro: 'Services that process data on your behalf, such as Mailchimp, Google Forms or an accounting firm.',
      none: 'No processors.',
      processor: 'Processor {number}',
      name: 'Name',
      receives: 'What data it receives',
      location: 'Where the data is processed',
      outsideEea: 'Data is transferred outside the EU/EEA',
      safeguard: 'Safeguard of the transfer',
      safeguardRequired: 'Write the transfer’s safeguard: data is transferred outside the EU/EEA.',
      safeguardHint: 'For example the EU standard contractual clauses or the EU–US Data Privacy Framework.',
      add: 'Add a processor',
      remove: 'Remove processor {name}',
      unnamed: '(no name)',
      transfers: 'Transfers outside the EU/EEA',
      transferChoice: 'Where does the data go?',
      transferChoiceHint: 'The notice states your choice. Until you choose, it claims nothing about transfers.',
      transferChoices: {
        notTransferred: 'Data is not transferred outside the EU/EEA',
        partnersInEea: 'Data is processed on partners’ servers inside the EU/EEA',
        partnersLocationUnknown: 'Data is processed on partners’ servers, location not known',
        outsideEeaSafeguard: 'Data is transferred outside the EU/EEA with safeguards',
      },
      transferForced: 'At least one processor processes data outside the EU/EEA, so the transfer is with safeguards.',
      transfersText: 'Transfers in your own words (for example the safeguard)',
      transfersSafeguardRequired: 'Write the transfer’s safeguard: data is transferred outside the EU/EEA.',
    },
    security: {
      legend: 'Security',
      intro:
        'Choose the security measures that are true: the notice lists only those chosen, in the words shown below. You can add text of your own.',
      measuresLegend: 'Security measures',
      measures: {
        encryptedHere: 'The register is encrypted on this computer',
        notInCloud: 'Never in a cloud: the data is only on this computer',
        partnerServers: 'Data is also on a partner’s servers (web shop, booking, newsletter service)',
        backupsEncrypted: 'Backups are encrypted',
        personalLogins: 'Personal logins and an audit log',
        confidentiality: 'Staff sign a confidentiality agreement',
        paperLocked: 'Paper documents are kept in locked premises',
        noPaper: 'No paper records',
      },
      printed: 'In the notice: {text}',
      excludes: 'Choosing this clears “{other}”.',
      manual: 'Your own text: paper material',
      electronic: 'Your own text: electronic data',
    },
    texts: {
      legend: 'Introduction, sources and disclosures',
      sourcesTitle: 'Where the data comes from and how people are told',
      noticeTitle: 'The notice’s introduction and where it can be read',
      introduction: 'Introduction',
      introductionHint: 'Printed at the start of the notice, after its header. Left empty, no introduction is printed.',
      informing: 'How persons are told about the registration',
      sources: 'Regular sources of data',
      disclosures: 'Disclosures of data',
      systems: 'Systems the data is kept in',
      retention: 'Retention period',
      retentionHint: 'The periods from the retention rules are printed after this text.',
      noticeLocation: 'Where the notice can be read',
      noticeLocationHint: 'For example a web address or “at our premises”.',
    },
    marketing: {
      legend: 'Direct marketing by channel',
      intro:
        'For each channel, choose whether the person’s consent is needed or marketing is allowed until the person objects. Mailing lists, address labels and the privacy notice follow the choice; a direct marketing ban always prevents it.',
      channels: { email: 'Email', sms: 'Text message', phone: 'Phone', post: 'Post' },
      optIn: 'Only with consent',
      optOut: 'Allowed until the person objects',
      consentOnly:
        'Only with consent: electronic direct marketing to consumers always needs prior consent (Finnish Act on Electronic Communications Services, section 200).',
    },
    cookies: {
      legend: 'Cookies and websites',
      used: 'The website uses cookies',
      websites: 'Website addresses',
      text: 'What the cookies collect',
      textRequired: 'Tell what the cookies collect.',
    },
    categories: {
      legend: 'Data the register holds',
      intro:
        'Choose the data you keep about customers: the notice lists what you choose. You may write your own wording for an item; an empty box prints the suggested one.',
      wordingFi: 'Own wording in Finnish',
      wordingEn: 'Own wording in English',
      always: 'Always printed: Kaappi records this about everyone.',
      inUse:
        'The register already holds such data, so the notice lists it anyway. Choose this to write your own wording.',
    },
    headings: {
      legend: 'Headings of the notice',
      intro:
        'The notice uses the suggested headings. Write your own only if you want other wording, such as that of your earlier notice. An empty box prints the suggested heading.',
      show: 'Show the headings ({count}, {own} of your own)',
    },
  },

  setup: {
    title: 'The register’s basic details',
    intro:
      'These details go into the privacy notice and the letters sent to customers. You can complete and change them later under Settings.',
    controllerName: 'Name of the business',
    email: 'Email',
    phone: 'Phone',
    presetLegend: 'Ready-made template (optional)',
    presetNone: 'No template, I will fill in the settings myself',
    contactRequired: 'Give an email address or a phone number.',
    emailInvalid: 'Check the email address.',
    save: 'Save and continue',
    skip: 'Skip, fill in later',
  },
};
