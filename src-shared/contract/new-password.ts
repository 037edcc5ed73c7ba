// A password being set: it must pass the strength policy. Apart from fields.ts because the policy
// loads zxcvbn's Finnish and common word lists (4.5 MB, 0.2–0.5 s to load), which code that only
// validates register fields does not need: each of an import's read workers loaded them.
import { z } from 'zod';
import { isStrongPassword } from '../password-policy';

export const newPassword = z
  .string()
  .max(1024)
  .refine((value) => isStrongPassword(value), { params: { kaappi: 'WEAK_PASSWORD' } });
