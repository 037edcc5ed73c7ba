import type { ChannelOutput } from '../../src-main/ipc/contract';

export type SessionInfo = ChannelOutput<'session.login'>;
