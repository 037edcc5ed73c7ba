// Saving a part of the notice's facts: checked with the channel's own schema first (errors keyed
// by the form's field names, e.g. 'processors.0.name'), then sent as a patch that leaves the
// other parts as they are.
import { contract } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { checkForm } from '../../components/checkForm';
import type { Language } from '../../i18n';
import type { NoticeFacts, NoticeSettings } from './types';

export type SaveResult = { ok: true; settings: NoticeSettings } | { ok: false; fields: Record<string, string> };

export async function saveNoticePart(
  part: Partial<NoticeFacts>,
  language: Language,
  requiredMessage: string,
  extraFields: Record<string, string> = {},
): Promise<SaveResult> {
  const checked = checkForm(contract['notice.updateSettings'].input, { notice: part }, language, {
    prefix: 'notice',
    requiredMessage,
  });
  const fields = { ...(checked.ok ? {} : checked.fields), ...extraFields };
  if (!checked.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, settings: await invoke('notice.updateSettings', checked.value) };
}

/** Both languages of a text written? (The notice prints both.) */
export const bothWritten = (text: { fi: string; en: string }) => text.fi.trim() !== '' && text.en.trim() !== '';
