// The privacy notice Kaappi prints from the register's settings, the Art. 30 record, whether the
// printed notice is out of date, and the short information text for a person.
export { noticeText, sectionHeading } from './catalog';
export { noticeOutline, privacyNotice } from './document';
export { noticeFingerprint, resolveNotice, type Labelled, type NoticeCategory, type ResolvedNotice } from './facts';
export {
  DEFAULT_NOTICE_FACTS,
  noticeFactsSchema,
  type LocalizedText,
  type NoticeFacts,
  type ProcessorFact,
} from '../../../src-shared/contract/notice-facts';
export { informText, recordImportInformed, recordInformed, type Informed, type InformText } from './inform';
export { processingRecord } from './record';
export {
  mergeProfile,
  noticeSettings,
  updateNoticeSettings,
  type NoticeSettings,
  type NoticeSettingsPatch,
} from './settings';
export { markNoticeGenerated, noticeGaps, noticeStatus, setupSteps, type NoticeStatus } from './status';
export {
  DATA_CATEGORIES,
  LEGAL_BASES,
  NOTICE_GAPS,
  NOTICE_SECTIONS,
  type DataCategory,
  type NoticeGap,
  type NoticeSection,
} from '../../../src-shared/contract/notice-facts';
export {
  noticeHtml,
  writeNoticeFile,
  writeNoticeFiles,
  type NoticeFormat,
  type NoticeKind,
  type WrittenNoticeFiles,
} from './write';
