// The notice's facts as the settings screen (and the first-run wizard) reads and changes them: the
// register profile, beside what Kaappi derives from the register (groups of persons, categories of
// data, sources, retention), so the owner sees what will be printed before printing it.
import type { UnlockedRegister } from '../register';
import { readRegisterProfile, updateRegisterProfile, type RegisterProfile } from '../settings';
import { assertRole } from '../users';
import { retentionLines } from './document';
import { resolveNotice, type Labelled, type NoticeCategory } from './facts';
import type { NoticeFacts } from '../../ipc/contract/notice-facts';

export interface NoticeSettings {
  profile: RegisterProfile;
  derived: {
    subjectKinds: Labelled[];
    categories: NoticeCategory[];
    sources: Labelled[];
    retention: { fi: string[]; en: string[] };
  };
}

/** Whole sections to replace; a section left out stays as it is. */
export type NoticeSettingsPatch = Partial<Omit<RegisterProfile, 'notice'>> & { notice?: Partial<NoticeFacts> };

export function noticeSettings(register: UnlockedRegister): NoticeSettings {
  const notice = resolveNotice(register);
  return {
    profile: notice.profile,
    derived: {
      subjectKinds: notice.subjectKinds,
      categories: notice.categories,
      sources: notice.sources,
      retention: { fi: retentionLines(notice, 'fi'), en: retentionLines(notice, 'en') },
    },
  };
}

export function mergeProfile(profile: RegisterProfile, patch: NoticeSettingsPatch): RegisterProfile {
  const { notice, ...top } = patch;
  return { ...profile, ...top, notice: { ...profile.notice, ...notice } };
}

/** Owner only (updateRegisterProfile checks it too), audited as a settings change. */
export function updateNoticeSettings(register: UnlockedRegister, patch: NoticeSettingsPatch): NoticeSettings {
  assertRole(register, 'owner');
  updateRegisterProfile(register, mergeProfile(readRegisterProfile(register), patch));
  return noticeSettings(register);
}
