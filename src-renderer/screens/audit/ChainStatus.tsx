// Whether the audit log's hash chain is intact, in words: walked once when the screen opens.
import { useFormats } from '../../components/format';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { guardProblemText } from './guardText';

export function ChainStatus() {
  const { messages, format } = useI18n();
  const t = messages.staff.audit;
  const formats = useFormats();
  const { data: status, error: failure } = useChannel('audit.chainStatus', {}, []);

  const text = failure
    ? failure
    : !status
      ? t.chainChecking
      : status.ok
        ? format(t.chainOk, {
            count: status.checked,
            newest: status.newestAt ? formats.dateTime(status.newestAt) : '—',
          })
        : format(t.chainBroken, { id: status.firstBrokenId ?? '?' });
  const guards = status?.anchor.problems ?? [];
  const broken = failure !== null || status?.ok === false || guards.length > 0;
  return (
    <div className={`chain-status${broken ? ' chain-status--broken' : ''}`} role="status">
      <strong>{t.chainTitle}: </strong>
      {text}
      {guards.length > 0 && (
        <ul>
          {guards.map((problem) => (
            <li key={problem.code}>{guardProblemText(problem, t.guards, format)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
