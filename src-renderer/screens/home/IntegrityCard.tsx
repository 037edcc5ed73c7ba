// The register's self-check on the home screen: the file, the log's hash chain and its guards,
// with a way for the owner to accept the log as it is once a reported problem is understood.
import { useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { messageOnly, useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { guardProblemText } from '../audit/guardText';

export function IntegrityCard() {
  const { messages, format } = useI18n();
  const t = messages.home;
  const guardsText = messages.staff.audit.guards;
  const [result, setResult] = useState<ChannelOutput<'audit.verify'> | null>(null);
  const { busy, errors, run } = useSubmit({ toErrors: messageOnly });
  const failure = errors.form;
  const [accepting, setAccepting] = useState(false);
  const [accepted, setAccepted] = useState(false);

  const check = () =>
    run(async () => {
      setAccepted(false);
      setResult(await invoke('audit.verify', {}));
    });
  const accept = () =>
    run(async () => {
      const anchor = await invoke('audit.acceptLog', {});
      setResult((current) => (current ? { ...current, anchor } : current));
      setAccepting(false);
      setAccepted(anchor.ok);
    });

  // SQLite's own messages are English and technical: the user gets one line in their language,
  // the detail stays available for whoever helps them.
  const problems = result
    ? [
        ...(result.chain.ok ? [] : [format(t.chainBroken, { id: result.chain.firstBrokenId ?? '?' })]),
        ...(result.database.ok ? [] : [t.databaseDamaged]),
        ...(result.derived.differing > 0 || result.derived.counts.length > 0
          ? [format(t.derivedDiffers, { count: result.derived.differing })]
          : []),
        ...(result.derived.dueState.differing > 0
          ? [format(t.dueStateDiffers, { count: result.derived.dueState.differing })]
          : []),
      ]
    : [];
  const guards = result?.anchor.problems ?? [];

  return (
    <section className="card" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t.checkTitle}</h2>
      <p>{t.checkIntro}</p>
      <button type="button" className="button" onClick={() => void check()} disabled={busy}>
        {busy ? t.checkRunning : t.checkRun}
      </button>
      <div role="status" aria-live="polite">
        {result && problems.length === 0 && guards.length === 0 && (
          <p className="ok">{accepted ? guardsText.accepted : format(t.checkOk, { count: result.chain.checked })}</p>
        )}
        {problems.length > 0 && <p className="problem">{format(t.checkFailed, { details: problems.join('; ') })}</p>}
        {guards.length > 0 && (
          <ul className="problem">
            {guards.map((problem) => (
              <li key={problem.code}>{guardProblemText(problem, guardsText, format)}</li>
            ))}
          </ul>
        )}
        {result && !result.database.ok && (
          <details>
            <summary>{t.technicalDetails}</summary>
            <pre className="technical">{result.database.problems.join('\n')}</pre>
          </details>
        )}
        {failure && <p className="problem">{failure}</p>}
      </div>
      {guards.length > 0 &&
        (accepting ? (
          <div className="notice">
            <p>{guardsText.acceptExplain}</p>
            <button type="button" className="button button--danger" onClick={() => void accept()} disabled={busy}>
              {guardsText.acceptConfirm}
            </button>{' '}
            <button type="button" className="button" onClick={() => setAccepting(false)} disabled={busy}>
              {guardsText.acceptCancel}
            </button>
          </div>
        ) : (
          <button type="button" className="link-button" onClick={() => setAccepting(true)}>
            {guardsText.acceptOpen}
          </button>
        ))}
    </section>
  );
}
