// The record of processing activities (GDPR Art. 30(1)): the controller's own register of what it
// does with personal data, kept for the supervisory authority. Built from the same resolved facts
// as the notice, so the two never disagree; it adds how many users have access and in which role.
import type { Block, DocumentModel } from '../documents';
import { formatDate } from '../documents';
import { noticeText } from './catalog';
import {
  basesLines,
  bullets,
  contactOf,
  controllerLines,
  paragraphs,
  processorTable,
  retentionLines,
  securityBlocks,
  transferBlocks,
} from './document';
import type { ResolvedNotice } from './facts';
import type { Language } from '../../../src-shared/language';

export interface UserCounts {
  owner: number;
  staff: number;
  readonly: number;
}

export function processingRecord(
  notice: ResolvedNotice,
  users: UserCounts,
  language: Language,
  today: string,
): DocumentModel {
  const { profile } = notice;
  const facts = profile.notice;
  const t = (key: Parameters<typeof noticeText>[1], params?: Record<string, string | number>) =>
    noticeText(language, key, params);
  const list = (items: string[]) => items.join('\n');
  const section = (key: Parameters<typeof noticeText>[1], content: Block[]): Block[] =>
    content.length > 0 ? [{ kind: 'heading', text: t(key) }, ...content] : [];
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      rows: [
        [t('record_controller'), list(controllerLines(notice, language))],
        [t('record_contact'), contactOf(notice)],
        [t('record_activity'), profile.registerName[language]],
        [t('record_bases'), list(basesLines(notice, language))],
        [t('record_subjects'), list(notice.subjectKinds.map((kind) => kind.label[language]))],
        [t('record_categories'), list(notice.categories.map((category) => category.label[language]))],
        [t('record_sources'), list(notice.sources.map((source) => source.label[language]))],
        [t('record_users'), t('record_usersLine', { ...users })],
      ],
    },
    ...section('record_purposes', paragraphs(profile.purposes[language])),
    ...section('record_recipients', [
      ...paragraphs(facts.disclosures[language].trim() ? facts.disclosures[language] : t('disclosuresNone')),
      ...(facts.processors.length > 0 ? [bullets(facts.processors.map((p) => p.name))] : []),
    ]),
    ...section('record_processors', [
      facts.processors.length > 0 ? processorTable(notice, language) : { kind: 'paragraph', text: t('processorsNone') },
    ]),
    ...section('record_transfers', transferBlocks(notice, language)),
    ...section('record_retention', [
      ...paragraphs(facts.retention[language]),
      bullets(retentionLines(notice, language)),
    ]),
    ...section('record_security', [
      ...securityBlocks(notice, language, true),
      ...securityBlocks(notice, language, false),
    ]),
  ];
  return {
    title: t('record_title'),
    meta: [
      [profile.controller.name, profile.registerName[language]].filter((part) => part.trim() !== '').join(' – '),
      t('record_meta'),
      t('metaDate', { date: formatDate(today, language) }),
    ].filter((line) => line !== ''),
    blocks,
    empty: t('empty'),
  };
}
