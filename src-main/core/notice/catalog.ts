// Looking up notice texts by key in the notice's language, and the heading a section prints with:
// the register's own wording when it has one (a preset brings the seed's), else Kaappi's.
import type { RegisterProfile } from '../settings';
import { noticeEn } from './texts-en';
import { noticeFi } from './texts-fi';
import type { NoticeSection } from '../../../src-shared/contract/notice-facts';
import { interpolate, type Language } from '../../../src-shared/language';

export type NoticeTextKey = keyof typeof noticeFi;

const catalogs: Record<Language, Record<NoticeTextKey, string>> = { fi: noticeFi, en: noticeEn };

export function noticeText(
  language: Language,
  key: NoticeTextKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(catalogs[language][key], params, { keepUnknown: true });
}

export function sectionHeading(profile: RegisterProfile, section: NoticeSection, language: Language): string {
  const own = profile.notice.headings[language][section]?.trim();
  return own ? own : noticeText(language, `heading_${section}`);
}
