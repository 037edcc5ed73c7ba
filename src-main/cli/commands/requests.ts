// `kaappi requests list`: the request inbox from the command line, most urgent first, as the app's
// inbox orders it; --overdue shows only open requests past their deadline, --json prints core's
// request views as they are for scripts.
import { label } from '../../core/documents';
import { listRequests, type RequestView } from '../../core/requests';
import { defineCommand } from '../command';
import type { CliContext } from '../context';
import { textTable } from '../table';
import { jsonText } from '../terminal';
import { OPEN_OPTIONS, withRegister } from '../with-register';

/** This command's own lines; the shared catalog (messages.ts) is not this command's to change. */
const LINES = {
  en: {
    header: 'ID\tREQUEST\tRECEIVED\tDEADLINE\tDAYS LEFT\tSTATUS\tREQUESTER',
    none: 'No requests.',
    noneOverdue: 'No overdue requests.',
    redacted: '(erased)',
    overdue: 'OVERDUE',
  },
  fi: {
    header: 'NRO\tPYYNTÖ\tSAAPUI\tMÄÄRÄPÄIVÄ\tPÄIVIÄ JÄLJELLÄ\tTILA\tPYYTÄJÄ',
    none: 'Ei pyyntöjä.',
    noneOverdue: 'Ei myöhässä olevia pyyntöjä.',
    redacted: '(poistettu)',
    overdue: 'MYÖHÄSSÄ',
  },
} as const;

function inboxTable(requests: RequestView[], ctx: CliContext): string {
  const lines = LINES[ctx.language];
  return textTable(
    lines.header.split('\t'),
    requests.map((request) => [
      String(request.id),
      label(ctx.language, 'requestType', request.type),
      request.receivedOn,
      request.deadline,
      request.urgency === 'closed' ? '' : request.urgency === 'overdue' ? lines.overdue : String(request.daysLeft),
      label(ctx.language, 'requestStatus', request.status),
      request.redacted ? lines.redacted : request.requesterName,
    ]),
  );
}

export const requestsListCommand = defineCommand({
  name: 'requests list',
  summary: 'list data-subject requests, the most urgent first',
  usage: 'kaappi requests list --register FILE --user NAME [--recovery-key] [--overdue] [--json]',
  options: {
    ...OPEN_OPTIONS,
    overdue: { type: 'boolean', help: 'only open requests past their deadline' },
    json: { type: 'boolean', help: 'print a JSON array instead of a table' },
  },
  required: ['register', 'user'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'requests.list', (register) => {
      const requests = listRequests(register, { overdue: values.overdue === true });
      if (values.json) ctx.print(jsonText(requests, 2));
      else if (requests.length === 0) ctx.print(LINES[ctx.language][values.overdue ? 'noneOverdue' : 'none']);
      else ctx.print(inboxTable(requests, ctx));
      return 0;
    }),
});
