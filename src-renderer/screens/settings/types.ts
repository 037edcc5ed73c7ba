// The settings screen's shapes, read off the contract.
import type { ChannelOutput } from '../../../src-shared/contract';

export type NoticeSettings = ChannelOutput<'notice.settings'>;
export type Profile = NoticeSettings['profile'];
export type NoticeFacts = Profile['notice'];
export type NoticeStatus = ChannelOutput<'notice.status'>;
