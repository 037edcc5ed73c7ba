// Channels of the privacy notice and the audit view: the notice's facts (read by all, changed by
// the owner), presets, whether the printed notice is out of date, the notice and the Art. 30
// record as a preview or as files in a folder main's dialog picks, informing a person about their
// registration, and the audit log filtered, exported as CSV and checked. The staff channels of
// contract/staff.ts come along, so contract.ts joins this area with one line.
import { z } from 'zod';
import { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel } from './base';
import { anchorVerification, empty, isoDate, language, plainLine } from './fields';
import { completeNoticeFactsSchema, NOTICE_GAPS, SETUP_STEPS } from './notice-facts';
import { entityId, requiredText } from './register-fields';
import { registerProfile } from './requests';
import { staffChannels } from './staff';

const localized = z.object({ fi: z.string(), en: z.string() });
const labelled = z.object({ key: z.string(), label: localized });

const noticeSettings = z.object({
  profile: registerProfile,
  derived: z.object({
    subjectKinds: z.array(labelled),
    categories: z.array(labelled.extend({ origin: z.enum(['declared', 'always', 'custom', 'inUse']) })),
    sources: z.array(labelled),
    retention: z.object({ fi: z.array(z.string()), en: z.array(z.string()) }),
  }),
  /** Kaappi's wording of each data category and section heading, printed where the profile has none. */
  defaults: z.object({
    categories: z.array(labelled),
    headings: z.array(labelled),
    securityMeasures: z.array(labelled),
  }),
});

/** Whole sections of the profile to replace; a section left out stays as it is. */
const noticeSettingsPatch = registerProfile
  .omit({ notice: true })
  .partial()
  .extend({ notice: completeNoticeFactsSchema.partial().strict().optional() })
  .strict();

const written = z.object({
  folder: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});

const html = z.object({ html: z.string(), fileStem: z.string() });

const presetId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/);

const checklist = z.object({
  presetId: z.string(),
  items: z.array(z.object({ key: z.string(), text: localized, confirmedAt: z.string().nullable() })),
});

const PRESET_PROBLEMS = [
  'PRESET_FILE_NAME',
  'PRESET_NOT_JSON',
  'PRESET_FORMAT',
  'PRESET_IDENTITY',
  'PRESET_UNKNOWN_KEY',
  'PRESET_UNKNOWN_KIND',
  'PRESET_INVALID_VALUE',
] as const;

const auditFilter = {
  userId: entityId.optional(),
  personId: entityId.optional(),
  /** An action or its start: 'person.' */
  action: plainLine(z.string().trim().max(100)).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/**
 * The persons an import created are one entry of target type PERSON_RANGE, whose target id is
 * their first and last id (zero-padded: 000000000012-000000000345). Null for any other target id.
 */
export const PERSON_RANGE = 'person_range';

export function personRangeOf(targetId: string | null): { first: number; last: number } | null {
  const match = /^(\d+)-(\d+)$/.exec(targetId ?? '');
  return match ? { first: Number(match[1]), last: Number(match[2]) } : null;
}

const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actor: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** This area's channels, with the staff channels (contract/staff.ts), joined in contract.ts as one. */
export const noticeChannels = {
  ...staffChannels,
  'notice.settings': { input: empty, output: noticeSettings, access: ALL_ROLES },
  'notice.updateSettings': { input: noticeSettingsPatch, output: noticeSettings, access: OWNER_ONLY },
  'notice.status': {
    input: empty,
    output: z.object({
      generatedAt: z.string().nullable(),
      outOfDate: z.boolean(),
      profileChangedAt: z.string().nullable(),
      gaps: z.array(z.enum(NOTICE_GAPS)),
      checklist: checklist.nullable(),
      ready: z.boolean(),
      /** The setup steps in order, each done or not. */
      steps: z.array(z.object({ step: z.enum(SETUP_STEPS), done: z.boolean() })),
    }),
    access: ALL_ROLES,
  },
  /** The owner ticks (or unticks) an item of the template's checklist. */
  'notice.confirmChecklist': {
    input: z.object({ key: z.string().regex(/^(kaappi|preset)\.[a-z0-9_]{1,60}$/), confirmed: z.boolean() }).strict(),
    output: checklist,
    access: OWNER_ONLY,
  },
  /** The privacy notice as HTML to preview; not recorded as generated. */
  'notice.html': { input: z.object({ language }).strict(), output: html, access: ALL_ROLES },
  /** The notice in Finnish and English, HTML and PDF, to a folder the user picks; null = cancelled. */
  'notice.save': { input: empty, output: written.nullable(), access: WRITERS },
  /** The record of processing activities (GDPR Art. 30) as HTML to preview. */
  'notice.recordHtml': { input: z.object({ language }).strict(), output: html, access: OWNER_ONLY },
  'notice.saveRecord': { input: empty, output: written.nullable(), access: OWNER_ONLY },
  'presets.list': {
    input: empty,
    output: z.object({
      presets: z.array(z.object({ id: z.string(), name: localized, description: localized })),
      /** A bad file's problem as an error code; its message takes { file, path }. */
      problems: z.array(z.object({ file: z.string(), problem: z.enum(PRESET_PROBLEMS), path: z.string() })),
    }),
    access: OWNER_ONLY,
  },
  'presets.apply': { input: z.object({ id: presetId }).strict(), output: noticeSettings, access: OWNER_ONLY },
  /** The short information text (GDPR Art. 13/14) in the person's language, ready to copy. */
  'persons.informText': {
    input: z.object({ personId: entityId }).strict(),
    output: z.object({ language, text: z.string() }),
    access: WRITERS,
  },
  'persons.recordInformed': {
    input: z.object({ personId: entityId, on: isoDate, how: requiredText(200) }).strict(),
    output: z.object({ informedOn: z.string(), informedHow: z.string() }),
    access: WRITERS,
  },
  /** The same record for every person one import created (its range of ids); returns how many. */
  'persons.recordImportInformed': {
    input: z.object({ first: entityId, last: entityId, on: isoDate, how: requiredText(200) }).strict(),
    output: z.object({ informed: z.number().int() }),
    access: WRITERS,
  },
  'audit.query': {
    input: z
      .object({
        ...auditFilter,
        offset: z.number().int().min(0).max(100_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    output: z.object({ total: z.number().int(), entries: z.array(auditEntry) }),
    access: OWNER_ONLY,
  },
  /** Every matching entry as CSV text (ids, never names of data subjects); the window saves it. */
  'audit.exportCsv': {
    input: z.object(auditFilter).strict(),
    output: z.object({ csv: z.string(), rows: z.number().int(), fileName: z.string() }),
    access: OWNER_ONLY,
  },
  /** The hash chain walked from the first entry; cheaper than audit.verify, which also checks the file. */
  'audit.chainStatus': {
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenId: z.number().int().nullable(),
      newestAt: z.string().nullable(),
      anchor: anchorVerification,
    }),
    access: OWNER_ONLY,
  },
} as const satisfies Record<string, Channel>;
