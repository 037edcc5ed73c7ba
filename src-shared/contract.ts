// The single typed contract between the renderer (or any other door) and the main process.
// Each channel: zod input, zod output, and who may call it ('public' = without a session).
// The registry's handler map is typed from this object, so a channel without a handler does not compile.
// Channels are grouped by area in contract/; this module joins them.
import type { z } from 'zod';
import { accessChannels } from './contract/access';
import { backupChannels } from './contract/backup';
import type { Channel } from './contract/base';
import { importChannels, type ImportPhase } from './contract/imports';
import { noticeChannels } from './contract/notice';
import { registerChannels } from './contract/register';
import { requestDocumentChannels } from './contract/request-documents';
import { requestChannels } from './contract/requests';
import { retentionChannels } from './contract/retention';

export { ALL_ROLES, OWNER_ONLY, WRITERS, type Channel, type Role } from './contract/base';

export const contract = {
  ...accessChannels,
  ...registerChannels,
  ...retentionChannels,
  ...requestChannels,
  ...requestDocumentChannels,
  ...backupChannels,
  ...importChannels,
  ...noticeChannels,
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
export type PushEvent =
  | { type: 'session.locked'; reason: 'idle' | 'os-lock' | 'suspend' | 'user' }
  /** A preview or run of an import in progress: `done` of `total` rows (files while reading). */
  | { type: 'import.progress'; phase: ImportPhase; done: number; total: number };

export { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { validate, type FieldIssue, type Validation } from './contract/field-errors';
export * as fields from './contract/fields';
