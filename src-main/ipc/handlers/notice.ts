// Handlers of the privacy notice, presets, informing a person and the audit view. Files go to a
// folder the user picks in main's own dialog (null when they cancel), never to a path from input.
import { auditChainStatus, auditCsv, queryAudit } from '../../core/audit';
import {
  informText,
  noticeHtml,
  noticeSettings,
  noticeStatus,
  recordImportInformed,
  recordInformed,
  updateNoticeSettings,
  writeNoticeFiles,
} from '../../core/notice';
import { applyPreset, confirmChecklistItem, listPresets, loadPreset } from '../../core/presets';
import { verifyAnchor } from '../../core/register';
import type { noticeChannels } from '../../../src-shared/contract/notice';
import type { staffChannels } from '../../../src-shared/contract/staff';
import type { HandlersFor } from '../registry';
import { staffHandlers } from './staff';

type NoticeOnly = Exclude<keyof typeof noticeChannels, keyof typeof staffChannels>;

/** This area's handlers with the staff handlers, joined in handlers/index.ts as one. */
export const noticeHandlers: HandlersFor<keyof typeof noticeChannels> = {
  ...staffHandlers,
  ...({
    'notice.settings': ({ register }) => noticeSettings(register),
    'notice.updateSettings': ({ register }, patch) => updateNoticeSettings(register, patch),
    'notice.status': ({ register }) => noticeStatus(register),
    'notice.html': ({ register }, { language }) => noticeHtml(register, 'notice', language),
    'notice.save': async (ctx) => {
      const folder = await ctx.dialogs.chooseFolder('letter');
      return folder === null ? null : writeNoticeFiles(ctx.register, 'notice', folder);
    },
    'notice.recordHtml': ({ register }, { language }) => noticeHtml(register, 'record', language),
    'notice.saveRecord': async (ctx) => {
      const folder = await ctx.dialogs.chooseFolder('letter');
      return folder === null ? null : writeNoticeFiles(ctx.register, 'record', folder);
    },
    'presets.list': () => listPresets(),
    'notice.confirmChecklist': ({ register }, { key, confirmed }) => confirmChecklistItem(register, key, confirmed),
    'presets.apply': ({ register }, { id }) => {
      applyPreset(register, id, loadPreset(id));
      return noticeSettings(register);
    },
    'persons.informText': ({ register }, { personId }) => informText(register, personId),
    'persons.recordInformed': ({ register }, { personId, on, how }) => recordInformed(register, personId, { on, how }),
    'persons.recordImportInformed': ({ register }, { first, last, on, how }) => ({
      informed: recordImportInformed(register, { first, last }, { on, how }),
    }),
    'audit.query': ({ register }, query) => queryAudit(register, query),
    'audit.exportCsv': ({ register }, filter) => auditCsv(register, filter),
    'audit.chainStatus': ({ register }) => ({ ...auditChainStatus(register), anchor: verifyAnchor(register) }),
  } satisfies HandlersFor<NoticeOnly>),
};
