// Channels of the request inbox: receiving a request, its steps, what each type does, the
// subject's data package and the letters, and the register profile the letters are filled from.
import { z } from 'zod';
import { registerProfileSchema } from './register-profile';
import { requestView } from '../requests/types';
import { CONSENT_SUBJECTS, REQUEST_CHANNELS, REQUEST_TYPES, VERIFICATION_MEANS } from '../vocabulary';
import { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel } from './base';
import { isoDate, plainLine, plainLines } from './fields';
import { country, entityId, personShape, requiredLines, requiredText } from './register-fields';
import { languageSchema } from '../language';

const language = languageSchema;
const banSubject = z.enum(CONSENT_SUBJECTS).refine((subject) => subject.startsWith('ban_'));

/** Attachments travel as base64; 10 MB each is plenty for a scanned letter. */
const attachment = z
  .object({
    fileName: requiredText(200),
    mediaType: plainLine(z.string().trim().min(1).max(100)),
    base64: z
      .string()
      .max(14_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

/** The fields a rectification may change, validated as the person form validates them. */
const rectification = z
  .object({
    firstName: personShape.firstName,
    lastName: personShape.lastName,
    jobTitle: personShape.jobTitle,
    phone: personShape.phone,
    email: personShape.email,
    street: personShape.street,
    postalCode: personShape.postalCode,
    city: personShape.city,
    country,
    birthDate: personShape.birthDate,
    www: personShape.www,
    notes: personShape.notes,
    language,
  })
  .partial()
  .strict();

const byId = z.object({ id: entityId }).strict();
const text = (max: number) => plainLine(z.string().trim().max(max));
const lines = (max: number) => plainLines(z.string().trim().max(max));

/** How the identity was confirmed; core refuses 'other' without a note, in the user's language. */
const verification = z.object({ means: z.enum(VERIFICATION_MEANS), note: text(500).optional() }).strict();

/** The register profile (controller details and the notice's facts): one schema with core's. */
export const registerProfile = registerProfileSchema;

export const requestChannels = {
  'requests.list': {
    input: z
      .object({ overdue: z.boolean().optional(), open: z.boolean().optional(), personId: entityId.optional() })
      .strict(),
    output: z.array(requestView),
    access: ALL_ROLES,
  },
  'requests.counts': {
    input: z.object({}).strict(),
    output: z.object({ open: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
    access: ALL_ROLES,
  },
  'requests.get': { input: byId, output: requestView, access: ALL_ROLES },
  'requests.suggestSubjects': {
    input: z.object({ email: text(254).optional(), phone: text(40).optional(), name: text(200).optional() }).strict(),
    output: z.array(
      z.object({
        personId: z.number().int(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        matchedBy: z.array(z.enum(['email', 'phone', 'name'])),
      }),
    ),
    access: WRITERS,
  },
  'requests.receive': {
    input: z
      .object({
        type: z.enum(REQUEST_TYPES),
        receivedOn: isoDate,
        channel: z.enum(REQUEST_CHANNELS),
        language,
        requesterName: requiredText(200),
        requesterContact: requiredText(300),
        body: lines(20_000).default(''),
        personIds: z.array(entityId).max(20),
        attachments: z.array(attachment).max(5).default([]),
        verification: verification.optional(),
      })
      .strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.confirmSubjects': {
    input: z.object({ id: entityId, personIds: z.array(entityId).max(20) }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.verify': {
    input: z.object({ id: entityId, verification }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.start': { input: byId, output: requestView, access: WRITERS },
  'requests.extend': {
    input: z.object({ id: entityId, extendedTo: isoDate, reason: requiredLines(1000), toldOn: isoDate }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.refuse': {
    input: z.object({ id: entityId, reason: requiredLines(4000) }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.complete': {
    input: z.object({ id: entityId, note: lines(4000).optional() }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.setRectification': {
    input: z.object({ id: entityId, changes: rectification }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.setObjectionBans': {
    input: z.object({ id: entityId, bans: z.array(banSubject).min(1).max(4) }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.addRecipient': {
    input: z.object({ id: entityId, recipient: requiredText(300) }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.markRecipientTold': {
    input: z.object({ id: entityId, recipientId: entityId, toldOn: isoDate }).strict(),
    output: requestView,
    access: WRITERS,
  },
  'requests.attachment': {
    input: z.object({ id: entityId, attachmentId: entityId }).strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() }),
    access: WRITERS,
  },
  'persons.liftRestriction': {
    input: z.object({ personId: entityId }).strict(),
    output: z.null(),
    access: WRITERS,
  },
  'settings.registerProfile': { input: z.object({}).strict(), output: registerProfile, access: ALL_ROLES },
  'settings.updateRegisterProfile': { input: registerProfile.strict(), output: registerProfile, access: OWNER_ONLY },
} as const satisfies Record<string, Channel>;
