// The notice's facts as the settings screen (and the first-run wizard) reads and changes them: the
// register profile, beside what Kaappi derives from the register (groups of persons, categories of
// data, sources, retention), so the owner sees what will be printed before printing it.
import type { UnlockedRegister } from '../register';
import { readRegisterProfile, updateRegisterProfile, type RegisterProfile } from '../settings';
import { assertRole } from '../users';
import { noticeText, type NoticeTextKey } from './catalog';
import { retentionLines } from './document';
import { resolveNotice, type Labelled, type NoticeCategory } from './facts';
import {
  DATA_CATEGORIES,
  NOTICE_SECTIONS,
  SECURITY_MEASURES,
  type NoticeFacts,
} from '../../../src-shared/contract/notice-facts';

export interface NoticeSettings {
  profile: RegisterProfile;
  derived: {
    subjectKinds: Labelled[];
    categories: NoticeCategory[];
    sources: Labelled[];
    retention: { fi: string[]; en: string[] };
  };
  /** Kaappi's own wording, which the notice prints where the profile has none of its own. */
  defaults: {
    categories: Labelled[];
    headings: Labelled[];
    securityMeasures: Labelled[];
  };
}

const both = (key: NoticeTextKey) => ({ fi: noticeText('fi', key), en: noticeText('en', key) });

const DEFAULTS: NoticeSettings['defaults'] = {
  categories: DATA_CATEGORIES.map((key) => ({ key, label: both(`category_${key}`) })),
  headings: NOTICE_SECTIONS.map((key) => ({ key, label: both(`heading_${key}`) })),
  securityMeasures: SECURITY_MEASURES.map((key) => ({ key, label: both(`security_${key}`) })),
};

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
    defaults: DEFAULTS,
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
