// How `kaappi contacts` shows persons to a person reading the terminal: the list as a table and
// one person as labelled lines. Scripts use --json, which prints core's records as they are.
import { CONSENT_SUBJECTS } from '../../../src-shared/vocabulary';
import { formatPhone } from '../../../src-shared/fields';
import { label } from '../../core/documents';
import type { PersonDetail, PersonRow } from '../../core/persons';
import type { CliContext } from '../context';
import { cliMessage, type CliMessage } from '../messages';
import { textTable } from '../table';
import { terminalValue } from '../terminal';

export function contactsTable(rows: readonly PersonRow[], ctx: CliContext): string {
  const say = (key: CliMessage) => cliMessage(ctx.language, key);
  const header = say('contactsHeader').split('\t');
  return textTable(
    header,
    rows.map((row) => [
      `${row.firstName} ${row.lastName}`,
      row.email ?? '',
      row.phone ? formatPhone(row.phone) : '',
      row.organization ?? '',
      say(`status_${row.status}`),
    ]),
  );
}

export function personView(detail: PersonDetail, ctx: CliContext): string {
  const say = (key: CliMessage, params?: Record<string, string | number>) => cliMessage(ctx.language, key, params);
  const { person } = detail;
  const postal = [person.postalCode, person.city].filter(Boolean).join(' ');
  const address = [person.street, postal, person.country === 'FI' ? null : person.country].filter(Boolean).join(', ');
  const fields: Array<[CliMessage, string | null]> = [
    ['labelStatus', say('statusSince', { status: say(`status_${person.status}`), date: person.statusChangedOn })],
    ['labelKind', person.kindKey],
    ['labelEmail', person.email],
    ['labelPhone', person.phone ? formatPhone(person.phone) : null],
    ['labelJobTitle', person.jobTitle],
    ['labelAddress', address || null],
    ['labelSource', person.sourceKey],
    ['labelLastActivity', person.lastActivityOn],
  ];
  const shown = fields.filter((field): field is [CliMessage, string] => field[1] !== null);
  const width = Math.max(...shown.map(([label]) => say(label).length)) + 2;

  const employments = detail.employments.map((employment) => {
    const params = {
      organization: employment.organizationName,
      title: employment.title ? `, ${employment.title}` : '',
      startedOn: employment.startedOn,
      endedOn: employment.endedOn ?? '',
    };
    return say(employment.endedOn === null ? 'employmentCurrent' : 'employmentEnded', params);
  });
  const optOut = (subject: string) => (detail.channelModes as Record<string, string>)[subject] === 'optOut';
  const consents = CONSENT_SUBJECTS.flatMap((subject) => {
    const state = detail.consents[subject];
    if (!state)
      return optOut(subject) ? say('consentUntilObjection', { subject: label(ctx.language, 'consent', subject) }) : [];
    return say('consentLine', {
      subject: label(ctx.language, 'consent', subject),
      answer: say(state.granted ? 'consentGranted' : optOut(subject) ? 'consentObjected' : 'consentDenied'),
      date: state.effectiveAt.slice(0, 10),
      method: state.method,
    });
  });
  const indented = (lines: string[]) => (lines.length > 0 ? lines : [say('nothingRecorded')]).map((l) => `  ${l}`);

  return [
    say('personHeading', { name: `${person.firstName} ${person.lastName}`, id: person.id }),
    ...shown.map(([label, value]) => `  ${`${say(label)}:`.padEnd(width)}${terminalValue(value)}`),
    say('headingEmployments'),
    ...indented(employments),
    say('headingConsents'),
    ...indented(consents),
  ].join('\n');
}
