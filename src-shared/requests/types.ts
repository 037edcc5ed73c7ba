// What the inbox, the letters and the subject package see of a request.
import type { ConsentSubject, RequestStatus, RequestType, VerificationMeans } from '../vocabulary';
import type { Language } from '../language';

export type RequestChannel = 'email' | 'letter' | 'in_person' | 'phone';

/** A field a rectification changes: the value now, and what the person asked it to be. */
export interface FieldChange {
  field: RectifiableField;
  from: string | null;
  to: string | null;
}
export const RECTIFIABLE_FIELDS = [
  'firstName',
  'lastName',
  'jobTitle',
  'phone',
  'email',
  'street',
  'postalCode',
  'city',
  'country',
  'birthDate',
  'www',
  'notes',
  'language',
] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

/** An objection to processing for direct marketing includes profiling for it (Art. 21(2)). */
export const DEFAULT_OBJECTION_BANS: ConsentSubject[] = ['ban_direct_marketing', 'ban_profiling'];

export interface RequestDetails {
  /** Rectification: what the person asks to change (from = the value when it was recorded). */
  changes?: FieldChange[];
  /** Objection: which bans it sets (default: direct marketing and profiling). */
  bans?: ConsentSubject[];
}

/** How the identity was confirmed: one of the means, with a note ('other' must have one). */
export interface Verification {
  means: VerificationMeans;
  note?: string | null | undefined;
}

/** How close the deadline is: overdue, due within 7 days, later, or no longer open. */
export type Urgency = 'overdue' | 'due_soon' | 'ok' | 'closed';

export interface RequestSubject {
  personId: number;
  /** Null once the person has been erased. */
  name: string | null;
  email: string | null;
  language: Language | null;
  /** Processing restricted (Art. 18): shown beside the name so nobody acts on the data unawares. */
  restricted: boolean;
}

export interface RequestView {
  id: number;
  type: RequestType;
  receivedOn: string;
  channel: RequestChannel;
  language: Language;
  requesterName: string;
  requesterContact: string;
  /** Recorded before verification means existed: the request was marked signed on receipt. */
  receivedSigned: boolean;
  body: string;
  dueOn: string;
  extendedTo: string | null;
  extensionReason: string | null;
  extensionToldOn: string | null;
  /** The deadline that applies: the extended one if the time was extended. */
  deadline: string;
  daysLeft: number;
  urgency: Urgency;
  status: RequestStatus;
  verifiedOn: string | null;
  verifiedMeans: VerificationMeans | null;
  verifiedNote: string | null;
  verifiedBy: string | null;
  details: RequestDetails;
  outcome: string | null;
  refusedInPart: boolean;
  closedOn: string | null;
  closedBy: string | null;
  redacted: boolean;
  subjects: RequestSubject[];
  recipients: Array<{ id: number; recipient: string; toldOn: string | null }>;
  attachments: Array<{ id: number; fileName: string; mediaType: string; size: number }>;
}
