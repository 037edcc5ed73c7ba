// The mailing list for a channel as a CSV Mailchimp's contact import reads (comma-separated UTF-8,
// its own column names), with only the columns that channel needs: data minimisation, since the
// file goes to a processor. Every export is audited, the list and each person on it.
import { finnishDate } from '../clock';
import type { Channel, Purpose } from '../consents';
import type { UnlockedRegister } from '../register';
import { assertMayExportLists } from '../settings';
import { sha256Hex } from '../written-files';
import { toDelimited, type CellValue } from './csv';
import { recipientsFor, type LeftOut, type PersonSelection, type Recipient } from './recipients';
import type { Language } from '../../../src-shared/language';

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface MailingExport {
  file: ExportedFile;
  included: number;
  leftOut: LeftOut;
}

const COLUMNS: Record<Channel, Array<[string, (r: Recipient) => CellValue]>> = {
  email: [
    ['Email Address', (r) => r.email],
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
  ],
  sms: [
    ['Phone Number', (r) => r.phone],
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
  ],
  phone: [
    ['Phone Number', (r) => r.phone],
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
    ['Company', (r) => r.organization],
  ],
  post: [
    ['First Name', (r) => r.firstName],
    ['Last Name', (r) => r.lastName],
    ['Company', (r) => r.organization],
    ['Street', (r) => r.street],
    ['Postal Code', (r) => r.postalCode],
    ['City', (r) => r.city],
    ['Country', (r) => r.country],
  ],
};

const NAMES = {
  fi: { list: 'postituslista', labels: 'osoitetarrat' },
  en: { list: 'mailing-list', labels: 'address-labels' },
};

export function exportFileName(
  language: Language,
  kind: 'list' | 'labels',
  channel: string,
  today: string,
  ext: string,
) {
  return `${NAMES[language][kind]}-${channel}-${today}.${ext}`;
}

/**
 * Writes the summary entry and one entry per person on the list (their trail shows the export).
 * The summary has the file's SHA-256, which matches a copy found later to its export; not its name.
 */
export function auditExport(
  register: UnlockedRegister,
  action: string,
  details: Record<string, string | number>,
  leftOut: LeftOut,
  personIds: number[],
  exportName: string,
): void {
  register.transaction(() =>
    register.auditMany([
      {
        action,
        details: {
          ...details,
          included: personIds.length,
          leftOut: leftOut.total,
          ...Object.fromEntries(Object.entries(leftOut.reasons).map(([reason, n]) => [`leftOut_${reason}`, n])),
        },
      },
      ...personIds.map((id) => ({
        action: 'person.exported',
        targetType: 'person',
        targetId: id,
        details: { export: exportName },
      })),
    ]),
  );
}

export function mailingList(
  register: UnlockedRegister,
  request: { channel: Channel; purpose: Purpose; selection?: PersonSelection },
  language: Language,
): MailingExport {
  assertMayExportLists(register);
  const { recipients, leftOut } = recipientsFor(register, request.selection ?? {}, request.channel, request.purpose);
  const columns = COLUMNS[request.channel];
  const bytes = toDelimited(
    columns.map(([name]) => name),
    recipients.map((r) => columns.map(([, value]) => value(r))),
    { delimiter: ',', bom: false },
  );
  const today = finnishDate(register.deps.clock.now());
  auditExport(
    register,
    'export.mailing_list',
    { channel: request.channel, purpose: request.purpose, sha256: sha256Hex(bytes) },
    leftOut,
    recipients.map((r) => r.personId),
    `mailing_list_${request.channel}`,
  );
  return {
    file: { fileName: exportFileName(language, 'list', request.channel, today, 'csv'), mediaType: 'text/csv', bytes },
    included: recipients.length,
    leftOut,
  };
}
