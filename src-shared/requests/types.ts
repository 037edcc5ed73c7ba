// What the inbox, the letters and the subject package see of a request: one zod schema, which the
// contract sends and core's types are inferred from.
import { z } from 'zod';
import { CONSENT_SUBJECTS, REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES, VERIFICATION_MEANS } from '../vocabulary';
import type { ConsentSubject, VerificationMeans } from '../vocabulary';
import { languageSchema } from '../language';
import { PERSON_DETAIL_FIELDS, type PersonDetailField } from '../person-fields';

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** A rectification changes the person's own details (Art. 16). */
export const RECTIFIABLE_FIELDS = PERSON_DETAIL_FIELDS;
export type RectifiableField = PersonDetailField;

/** An objection to processing for direct marketing includes profiling for it (Art. 21(2)). */
export const DEFAULT_OBJECTION_BANS: ConsentSubject[] = ['ban_direct_marketing', 'ban_profiling'];

/** A field a rectification changes: the value now, and what the person asked it to be. */
const fieldChange = z.object({
  field: z.enum(RECTIFIABLE_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof fieldChange>;

const requestDetails = z.object({
  /** Rectification: what the person asks to change (from = the value when it was recorded). */
  changes: z.array(fieldChange).optional(),
  /** Objection: which bans it sets (default: direct marketing and profiling). */
  bans: z.array(z.enum(CONSENT_SUBJECTS)).optional(),
});
export type RequestDetails = z.infer<typeof requestDetails>;

/** How the identity was confirmed: one of the means, with a note ('other' must have one). */
export interface Verification {
  means: VerificationMeans;
  note?: string | null | undefined;
}

/** How close the deadline is: overdue, due within 7 days, later, or no longer open. */
const urgency = z.enum(['overdue', 'due_soon', 'ok', 'closed']);
export type Urgency = z.infer<typeof urgency>;

const requestSubject = z.object({
  personId: z.number().int(),
  /** Null once the person has been erased. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  language: languageSchema.nullable(),
  /** Processing restricted (Art. 18): shown beside the name so nobody acts on the data unawares. */
  restricted: z.boolean(),
});
export type RequestSubject = z.infer<typeof requestSubject>;

export const requestView = z.object({
  id: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  receivedOn: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  language: languageSchema,
  requesterName: z.string(),
  requesterContact: z.string(),
  /** Recorded before verification means existed: the request was marked signed on receipt. */
  receivedSigned: z.boolean(),
  body: z.string(),
  dueOn: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  extensionToldOn: z.string().nullable(),
  /** The deadline that applies: the extended one if the time was extended. */
  deadline: z.string(),
  daysLeft: z.number().int(),
  urgency,
  status: z.enum(REQUEST_STATUSES),
  verifiedOn: z.string().nullable(),
  verifiedMeans: z.enum(VERIFICATION_MEANS).nullable(),
  verifiedNote: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  details: requestDetails,
  outcome: z.string().nullable(),
  refusedInPart: z.boolean(),
  closedOn: z.string().nullable(),
  closedBy: z.string().nullable(),
  redacted: z.boolean(),
  subjects: z.array(requestSubject),
  recipients: z.array(z.object({ id: z.number().int(), recipient: z.string(), toldOn: z.string().nullable() })),
  attachments: z.array(
    z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int() }),
  ),
});
export type RequestView = z.infer<typeof requestView>;
