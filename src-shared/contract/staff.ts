// Channels with which the owner manages staff beyond adding and removing them: a forgotten
// password reset (re-keys the register), a role change, and the confidentiality agreement date
// without which a non-owner cannot log in.
import { z } from 'zod';
import { OWNER_ONLY, type Channel } from './base';
import { role, signedOnDate, userSummary } from './fields';
import { newPassword } from './new-password';

const userId = z.number().int().positive();

export const staffChannels = {
  'users.resetPassword': {
    input: z.object({ userId, newPassword }).strict(),
    output: z.object({ keyVersion: z.number().int() }),
    access: OWNER_ONLY,
  },
  'users.changeRole': {
    input: z.object({ userId, role, confidentialitySignedOn: signedOnDate.optional() }).strict(),
    output: userSummary,
    access: OWNER_ONLY,
  },
  'users.recordConfidentiality': {
    input: z.object({ userId, signedOn: signedOnDate }).strict(),
    output: userSummary,
    access: OWNER_ONLY,
  },
} as const satisfies Record<string, Channel>;
