// One page of the audit log: when, who, what in words, and about what (a person opens their view).
import type { ChannelOutput } from '../../../src-shared/contract';
import { PERSON_RANGE, personRangeOf } from '../../../src-shared/contract/notice';
import type { Formats } from '../../components/format';
import { useNavigation } from '../../components/Navigation';
import { useI18n } from '../../i18n';
import type { ChosenPerson } from './PersonFilter';
import type { Messages } from '../../i18n/fi';
import { actionLabel } from '../../components/actionLabel';

type Entry = ChannelOutput<'audit.query'>['entries'][number];
type Users = ChannelOutput<'users.list'>;

function targetText(
  messages: Messages,
  entry: Entry,
  users: Users,
  format: (t: string, p: Record<string, string | number>) => string,
) {
  if (!entry.targetType) return '';
  const t = messages.staff.audit;
  if (entry.targetType === 'user') {
    const user = users.find((candidate) => String(candidate.id) === entry.targetId);
    return format(t.targets['user'] ?? '{name}', { name: user?.displayName ?? entry.targetId ?? '' });
  }
  const range = entry.targetType === PERSON_RANGE ? personRangeOf(entry.targetId) : null;
  if (range)
    return format(t.targets[PERSON_RANGE] ?? '{first}–{last}', { ...range, count: range.last - range.first + 1 });
  const template = t.targets[entry.targetType];
  return template
    ? format(template, { id: entry.targetId ?? '' })
    : [entry.targetType, entry.targetId].filter(Boolean).join(' ');
}

export function AuditTable({
  entries,
  users,
  person,
  labelledBy,
  formats,
}: {
  entries: Entry[];
  users: Users;
  /** The person the log is filtered to: their name is known, so it is shown beside the number. */
  person: ChosenPerson | null;
  labelledBy: string;
  formats: Formats;
}) {
  const { messages, format } = useI18n();
  const t = messages.staff.audit;
  const { navigate } = useNavigation();
  return (
    <div className="table-scroll">
      <table className="table audit-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.what}</th>
            <th scope="col">{t.target}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const number = targetText(messages, entry, users, format);
            const target =
              person && entry.targetType === 'person' && entry.targetId === String(person.id)
                ? `${person.name} (${number.toLowerCase()})`
                : number;
            const personId = entry.targetType === 'person' ? Number(entry.targetId) : NaN;
            return (
              <tr key={entry.id}>
                <td className="nowrap">{formats.dateTime(entry.at)}</td>
                <td>{entry.actor ?? t.nobody}</td>
                <td>{actionLabel(messages, entry.action)}</td>
                <td>
                  {Number.isInteger(personId) && entry.action !== 'person.erased' ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => navigate({ name: 'person', id: personId })}
                    >
                      {target}
                    </button>
                  ) : (
                    target
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
