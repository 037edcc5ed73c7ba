// The single typed contract between the renderer (or any other door) and the main process.
// Each channel: zod input, zod output, and who may call it ('public' = without a session).
// The registry's handler map is typed from this object, so a channel without a handler does not compile.
import { z } from 'zod';
import {
  displayName,
  empty,
  isoDate,
  language,
  newPassword,
  password,
  role,
  sessionInfo,
  userSummary,
  username,
} from './contract/fields';

export type Role = z.infer<typeof role>;
export const ALL_ROLES: readonly Role[] = ['owner', 'staff', 'readonly'];
export const OWNER_ONLY: readonly Role[] = ['owner'];

export interface Channel {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | readonly Role[];
}

export const contract = {
  'app.status': {
    input: empty,
    output: z.object({ registerExists: z.boolean(), session: sessionInfo.nullable() }),
    access: 'public',
  },
  'app.setLanguage': {
    input: z.object({ language }).strict(),
    output: z.null(),
    access: 'public',
  },
  'register.create': {
    input: z
      .object({ username, displayName, password: newPassword, confidentialitySignedOn: isoDate.nullable() })
      .strict(),
    output: z.object({ recoveryKey: z.string(), session: sessionInfo }),
    access: 'public',
  },
  'session.login': {
    input: z.object({ username: z.string().trim().min(1).max(64), password }).strict(),
    output: sessionInfo,
    access: 'public',
  },
  'session.recover': {
    input: z.object({ recoveryKey: z.string().trim().min(1).max(200), username, newPassword }).strict(),
    output: sessionInfo,
    access: 'public',
  },
  'session.lock': { input: empty, output: z.null(), access: ALL_ROLES },
  /** The user is typing or clicking: counts as activity for the idle lock, like any call. */
  'session.activity': { input: empty, output: z.null(), access: ALL_ROLES },
  'users.list': { input: empty, output: z.array(userSummary), access: OWNER_ONLY },
  'users.add': {
    input: z.object({ username, displayName, role, password: newPassword, confidentialitySignedOn: isoDate }).strict(),
    output: userSummary,
    access: OWNER_ONLY,
  },
  'users.deactivate': {
    input: z.object({ userId: z.number().int().positive() }).strict(),
    output: z.object({ keyVersion: z.number().int() }),
    access: OWNER_ONLY,
  },
  'users.changeOwnPassword': {
    input: z.object({ currentPassword: password, newPassword }).strict(),
    output: z.null(),
    access: ALL_ROLES,
  },
  'settings.get': {
    input: empty,
    output: z.object({ autoLockMinutes: z.number().int() }),
    access: ALL_ROLES,
  },
  'settings.update': {
    input: z
      .object({ autoLockMinutes: z.number().int().min(1).max(240) })
      .partial()
      .strict(),
    output: z.object({ autoLockMinutes: z.number().int() }),
    access: OWNER_ONLY,
  },
  'audit.verify': {
    input: empty,
    output: z.object({
      chain: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenId: z.number().int().nullable() }),
      database: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
    }),
    access: OWNER_ONLY,
  },
  'audit.recent': {
    input: z.object({ limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        action: z.string(),
        actor: z.string().nullable(),
        targetType: z.string().nullable(),
        targetId: z.string().nullable(),
      }),
    ),
    access: OWNER_ONLY,
  },
} as const satisfies Record<string, Channel>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export interface FieldError {
  path: string;
  message: string;
}
export interface InvokeError {
  code: string;
  message: string;
  fields?: FieldError[];
  retryAfterSeconds?: number;
}
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: InvokeError };

/** Events main pushes to the window. */
export type PushEvent = { type: 'session.locked'; reason: 'idle' | 'os-lock' | 'suspend' | 'user' };

export { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { validate, type FieldIssue, type Validation } from './contract/field-errors';
export * as fields from './contract/fields';
