import { useState } from 'react';
import type { ChannelOutput } from '../../../src-main/ipc/contract';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

export function IntegrityCard() {
  const { messages, format } = useI18n();
  const t = messages.home;
  const [result, setResult] = useState<ChannelOutput<'audit.verify'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await invoke('audit.verify', {}));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : messages.unexpected);
    } finally {
      setBusy(false);
    }
  }

  // SQLite's own messages are English and technical: the user gets one line in their language,
  // the detail stays available for whoever helps them.
  const problems = result
    ? [
        ...(result.chain.ok ? [] : [format(t.chainBroken, { id: result.chain.firstBrokenId ?? '?' })]),
        ...(result.database.ok ? [] : [t.databaseDamaged]),
      ]
    : [];

  return (
    <section className="card" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t.checkTitle}</h2>
      <p>{t.checkIntro}</p>
      <button type="button" className="button" onClick={run} disabled={busy}>
        {busy ? t.checkRunning : t.checkRun}
      </button>
      <div role="status" aria-live="polite">
        {result && problems.length === 0 && <p className="ok">{format(t.checkOk, { count: result.chain.checked })}</p>}
        {problems.length > 0 && <p className="problem">{format(t.checkFailed, { details: problems.join('; ') })}</p>}
        {result && !result.database.ok && (
          <details>
            <summary>{t.technicalDetails}</summary>
            <pre className="technical">{result.database.problems.join('\n')}</pre>
          </details>
        )}
        {failure && <p className="problem">{failure}</p>}
      </div>
    </section>
  );
}
