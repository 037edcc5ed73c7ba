// What a channel is: zod input, zod output, and who may call it ('public' = without a session).
import type { z } from 'zod';
import type { role } from './fields';

export type Role = z.infer<typeof role>;
export const ALL_ROLES: readonly Role[] = ['owner', 'staff', 'readonly'];
export const OWNER_ONLY: readonly Role[] = ['owner'];
/** Who may change the register's contents; read-only users only look. */
export const WRITERS: readonly Role[] = ['owner', 'staff'];

export interface Channel {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | readonly Role[];
}
