import type { ChannelOutput } from '../../src-shared/contract';

export type SessionInfo = ChannelOutput<'session.login'>;
