// The facts a privacy notice states beyond who keeps the register, and the notice's fixed
// vocabularies: its sections in printing order, the categories of personal data, the legal bases.
// Pure zod and data, so the register profile (core/settings), the notice (core/notice) and the
// contract (and so the renderer) all use this one definition.
import { z } from 'zod';
import { plainLine, plainLines } from './fields';

/**
 * The notice's sections in the order the seeds have them (controller first, rights and cookies
 * last). Each has a heading in the notice catalog that the register profile may reword.
 */
export const NOTICE_SECTIONS = [
  'controller',
  'contactPerson',
  'registerName',
  'purpose',
  'legalBasis',
  'legitimateInterest',
  'dataSubjects',
  'informing',
  'dataContent',
  'sources',
  'disclosures',
  'transfers',
  'processors',
  'systems',
  'retention',
  'securityManual',
  'securityElectronic',
  'rights',
  'rightAccess',
  'rightRectification',
  'rightErasure',
  'rightRestriction',
  'rightObjection',
  'rightPortability',
  'rightOther',
  'rightComplaint',
  'cookies',
] as const;
export type NoticeSection = (typeof NOTICE_SECTIONS)[number];

/**
 * Categories of personal data, each standing for fields or tables of the register: a notice names
 * them in its own words (a label), Kaappi knows what each one means.
 */
export const DATA_CATEGORIES = [
  'name',
  'jobTitle',
  'phone',
  'email',
  'address',
  'birthDate',
  'age',
  'www',
  'ipAddress',
  'notes',
  'organization',
  'orders',
  'billing',
  'interests',
  'feedback',
  'marketingChannels',
  'directMarketingBan',
  'bans',
  'relationship',
  'registration',
  'usageData',
  'profiling',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * Security measures a notice can state, each printed in Kaappi's words when checked: the first
 * ones are true of Kaappi itself, the rest depend on how the business works. Printed in this order,
 * the paper ones under manual material, the rest under electronic.
 */
export const SECURITY_MEASURES = [
  'encryptedHere',
  'notInCloud',
  'partnerServers',
  'backupsEncrypted',
  'personalLogins',
  'confidentiality',
  'paperLocked',
  'noPaper',
] as const;
export type SecurityMeasure = (typeof SECURITY_MEASURES)[number];
export const PAPER_MEASURES: readonly SecurityMeasure[] = ['paperLocked', 'noPaper'];
/** Pairs a notice cannot state together: the one says the other is false. */
export const EXCLUSIVE_MEASURES: ReadonlyArray<readonly [SecurityMeasure, SecurityMeasure]> = [
  ['notInCloud', 'partnerServers'],
  ['paperLocked', 'noPaper'],
];
/**
 * What Kaappi itself guarantees (the encrypted register and backups, personal logins with an audit
 * log, a confidentiality agreement recorded for each user): a notice that does not list its
 * measures, such as a preset written before them, states these and nothing about clouds or paper.
 */
export const KAAPPI_MEASURES: SecurityMeasure[] = [
  'encryptedHere',
  'backupsEncrypted',
  'personalLogins',
  'confidentiality',
];

/**
 * Where the data goes outside the controller, as the owner chose it: not outside the EU/EEA; on
 * partners' servers inside the EU/EEA; on partners' servers whose location is not known; outside
 * the EU/EEA with a safeguard. Null until chosen: the notice then states nothing about it.
 */
export const TRANSFER_CHOICES = [
  'notTransferred',
  'partnersInEea',
  'partnersLocationUnknown',
  'outsideEeaSafeguard',
] as const;
export type TransferChoice = (typeof TRANSFER_CHOICES)[number];

/** What every Kaappi register records about a person, whatever its notice declares. */
export const ALWAYS_RECORDED: readonly DataCategory[] = ['relationship', 'registration'];

/** The legal bases of GDPR Art. 6(1) a customer register relies on. */
export const LEGAL_BASES = ['legitimateInterest', 'contract', 'consent', 'legalObligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What a notice can still lack (see noticeGaps); the dashboard and the wizard name them. */
export const NOTICE_GAPS = [
  'controller.name',
  'controller.contact',
  'purposes',
  'legalBases',
  'balancingNote',
  'retention',
  'transfers',
  'transferSafeguard',
  'securityCloud',
  'cookiesText',
] as const;
export type NoticeGap = (typeof NOTICE_GAPS)[number];

/**
 * The settings' setup steps in the order the owner walks them; each is done or not from the
 * register's state (see setupSteps), so the settings screen and the dashboard agree.
 */
export const SETUP_STEPS = [
  'controller',
  'contact',
  'data',
  'purposes',
  'recipients',
  'retention',
  'security',
  'notice',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** The gaps that keep each step from being done (the data and notice steps have tests of their own too). */
export const STEP_GAPS: Record<SetupStep, readonly NoticeGap[]> = {
  controller: ['controller.name'],
  contact: ['controller.contact'],
  data: [],
  purposes: ['purposes', 'legalBases', 'balancingNote'],
  recipients: ['transfers', 'transferSafeguard'],
  retention: ['retention'],
  security: ['securityCloud'],
  notice: ['cookiesText'],
};

const text = (max: number) => plainLine(z.string().trim().max(max));
const lines = (max: number) => plainLines(z.string().trim().max(max));
/** A text with lines in both notice languages; '' where the owner has not written one. */
export const localizedText = (max: number) => z.object({ fi: lines(max), en: lines(max) });
/** A one-line text (a name, a label) in both notice languages. */
export const localizedLine = (max: number) => z.object({ fi: text(max), en: text(max) });
export type LocalizedText = { fi: string; en: string };

export const legalBasesSchema = z.object({
  legitimateInterest: z.boolean(),
  contract: z.boolean(),
  consent: z.boolean(),
  legalObligation: z.boolean(),
  /** What the bases mean for this register, in the controller's words. */
  explanation: localizedText(4000),
  /** The balancing of the controller's interest against the person's (needed for legitimate interest). */
  balancingNote: localizedText(4000),
});

/** A category of data the register holds; an empty label prints Kaappi's own wording. */
export const dataCategorySchema = z.object({ key: z.enum(DATA_CATEGORIES), label: localizedLine(300) });

export const processorSchema = z.object({
  name: plainLine(z.string().trim().min(1).max(200)),
  /** What the processor receives, e.g. "names and email addresses of newsletter subscribers". */
  receives: localizedText(1000),
  /** Where the data is processed, e.g. "Yhdysvallat" / "United States". */
  location: localizedText(200),
  outsideEea: z.boolean(),
  /** The Chapter V safeguard of a transfer outside the EU/EEA, e.g. standard contractual clauses. */
  safeguard: localizedText(1000),
});

/** The direct-marketing channels of the consent vocabulary (vocabulary.ts), in its order. */
export const MARKETING_CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

/**
 * How a channel may be used for direct marketing: 'optIn' only with the person's consent, 'optOut'
 * unless they objected (a withdrawal on that channel) or set a direct-marketing ban.
 */
export const CHANNEL_MODES = ['optIn', 'optOut'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

/**
 * Email and SMS marketing to natural persons needs their prior consent (Sähköisen viestinnän
 * palvelulaki 917/2014 §200, from the ePrivacy Directive Art. 13); the customer-relationship
 * exception of §200(2) still requires a chance to refuse at collection, which Kaappi cannot check,
 * so these two are always opt-in. Post and phone marketing are allowed unless the person objects.
 */
export const CONSENT_ONLY_CHANNELS: readonly MarketingChannel[] = ['email', 'sms'];

export const marketingChannelsSchema = z
  .object(
    Object.fromEntries(MARKETING_CHANNELS.map((channel) => [channel, z.enum(CHANNEL_MODES)])) as Record<
      MarketingChannel,
      z.ZodEnum<{ optIn: 'optIn'; optOut: 'optOut' }>
    >,
  )
  .strict()
  .superRefine((modes, ctx) => {
    for (const channel of CONSENT_ONLY_CHANNELS)
      if (modes[channel] === 'optOut')
        ctx.addIssue({
          code: 'custom',
          path: [channel],
          message: 'email and SMS marketing need consent',
          params: { kaappi: 'ELECTRONIC_MARKETING_OPT_OUT' },
        });
  });
export type MarketingChannelModes = z.infer<typeof marketingChannelsSchema>;

/** Every channel by consent: how Kaappi worked before the setting existed, and a new register's default. */
export const DEFAULT_MARKETING_CHANNELS: MarketingChannelModes = {
  email: 'optIn',
  sms: 'optIn',
  phone: 'optIn',
  post: 'optIn',
};

const headingOverrides = z.partialRecord(z.enum(NOTICE_SECTIONS), text(200));

const measures = z
  .array(z.enum(SECURITY_MEASURES))
  .max(SECURITY_MEASURES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'each measure once' });

const factsShape = {
  legalBases: legalBasesSchema,
  dataCategories: z
    .array(dataCategorySchema)
    .max(DATA_CATEGORIES.length)
    .refine((categories) => new Set(categories.map((c) => c.key)).size === categories.length, {
      message: 'each category once',
    }),
  /** How and when persons are told about the registration (GDPR Art. 13/14). */
  informing: localizedText(4000),
  /** The sources in prose, beside the list of data sources in use. */
  sources: localizedText(6000),
  disclosures: localizedText(6000),
  /** A free introduction printed after the notice's header; '' prints none. */
  introduction: localizedText(6000),
  transferChoice: z.enum(TRANSFER_CHOICES).nullable(),
  /** The transfers in the owner's words: the safeguard of a transfer outside the EU/EEA, or more. */
  transfers: localizedText(4000),
  processors: z.array(processorSchema).max(40),
  /** The systems the data is kept in (seed 000 §9). */
  systems: localizedText(4000),
  /** Retention in prose, printed before the rules derived from the active retention policies. */
  retention: localizedText(6000),
  /** The measures the notice states, with the owner's own extra text for each kind of material. */
  security: z.object({ measures, manual: localizedText(6000), electronic: localizedText(6000) }),
  cookies: z.object({ used: z.boolean(), websites: text(500), text: localizedText(12000) }),
  /** Where the full notice can be read (a web address, "at our premises"); told in the short information text. */
  noticeLocation: localizedText(300),
  /** The notice's own wording of section headings; a missing or empty one prints Kaappi's. */
  headings: z.object({ fi: headingOverrides, en: headingOverrides }),
  /**
   * Per channel, consent or until objection. Optional so that a preset (or a profile) written
   * before the setting still loads: missing means every channel by consent (see channelModesOf).
   */
  marketingChannels: marketingChannelsSchema.optional(),
};

/** Every fact given: what a change of the notice's facts sends (a default there would overwrite). */
export const completeNoticeFactsSchema = z.object(factsShape);

/**
 * The notice's facts as stored and as presets give them: facts added after a profile or a preset
 * was written get their default, so both still load.
 */
export const noticeFactsSchema = completeNoticeFactsSchema.extend({
  introduction: factsShape.introduction.default({ fi: '', en: '' }),
  transferChoice: factsShape.transferChoice.default(null),
  security: factsShape.security.extend({ measures: measures.default(KAAPPI_MEASURES) }),
});
export type NoticeFacts = z.infer<typeof noticeFactsSchema>;
export type ProcessorFact = z.infer<typeof processorSchema>;
export type DataCategoryFact = z.infer<typeof dataCategorySchema>;

const none = { fi: '', en: '' };

export const DEFAULT_NOTICE_FACTS: NoticeFacts = {
  legalBases: {
    legitimateInterest: false,
    contract: true,
    consent: false,
    legalObligation: false,
    explanation: none,
    balancingNote: none,
  },
  dataCategories: (['name', 'phone', 'email', 'address'] as const).map((key) => ({ key, label: none })),
  introduction: none,
  informing: none,
  sources: none,
  disclosures: none,
  transferChoice: null,
  transfers: none,
  processors: [],
  systems: none,
  retention: none,
  // A new register is Kaappi alone on this computer: nothing in a cloud until the owner says so.
  security: {
    measures: ['encryptedHere', 'notInCloud', 'backupsEncrypted', 'personalLogins', 'confidentiality'],
    manual: none,
    electronic: none,
  },
  cookies: { used: false, websites: '', text: none },
  noticeLocation: none,
  headings: { fi: {}, en: {} },
  marketingChannels: DEFAULT_MARKETING_CHANNELS,
};

/** The channel modes the facts state, every channel by consent where they state none. */
export function channelModesOf(facts: Pick<NoticeFacts, 'marketingChannels'>): MarketingChannelModes {
  return facts.marketingChannels ?? DEFAULT_MARKETING_CHANNELS;
}

/** The transfer the notice states: a processor outside the EU/EEA makes it one with a safeguard. */
export function transferChoiceOf(facts: Pick<NoticeFacts, 'transferChoice' | 'processors'>): TransferChoice | null {
  return facts.processors.some((p) => p.outsideEea) ? 'outsideEeaSafeguard' : facts.transferChoice;
}

/**
 * Facts that contradict each other, which no notice may state: a transfer choice that keeps data
 * inside the EU/EEA (or says its place is unknown) beside a processor known to be outside it, and
 * two measures of which one denies the other.
 */
export function noticeFactsConflict(
  facts: Pick<NoticeFacts, 'transferChoice' | 'processors' | 'security'>,
): 'transfers' | 'securityMeasures' | null {
  if (facts.transferChoice !== null && transferChoiceOf(facts) !== facts.transferChoice) return 'transfers';
  const chosen = new Set(facts.security.measures);
  if (EXCLUSIVE_MEASURES.some(([a, b]) => chosen.has(a) && chosen.has(b))) return 'securityMeasures';
  return null;
}
