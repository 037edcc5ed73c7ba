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
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

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
  'transferSafeguard',
  'cookiesText',
] as const;
export type NoticeGap = (typeof NOTICE_GAPS)[number];

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

/** The direct-marketing channels of the consent vocabulary (db/vocabulary.ts), in its order. */
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

export const noticeFactsSchema = z.object({
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
  transfers: localizedText(4000),
  processors: z.array(processorSchema).max(40),
  /** The systems the data is kept in (seed 000 §9). */
  systems: localizedText(4000),
  /** Retention in prose, printed before the rules derived from the active retention policies. */
  retention: localizedText(6000),
  security: z.object({ manual: localizedText(6000), electronic: localizedText(6000) }),
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
  informing: none,
  sources: none,
  disclosures: none,
  transfers: none,
  processors: [],
  systems: none,
  retention: none,
  security: { manual: none, electronic: none },
  cookies: { used: false, websites: '', text: none },
  noticeLocation: none,
  headings: { fi: {}, en: {} },
  marketingChannels: DEFAULT_MARKETING_CHANNELS,
};

/** The channel modes the facts state, every channel by consent where they state none. */
export function channelModesOf(facts: Pick<NoticeFacts, 'marketingChannels'>): MarketingChannelModes {
  return facts.marketingChannels ?? DEFAULT_MARKETING_CHANNELS;
}
