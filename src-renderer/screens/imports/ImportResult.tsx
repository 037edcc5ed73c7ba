// What an import did: counts and skipped rows, or, when it stopped, why and that nothing changed.
import { useEffect, useRef } from 'react';
import { useFormats } from '../../components/format';
import { useI18n } from '../../i18n';
import type { RunResult } from './ImportScreen';
import { InformImported } from './InformImported';
import { ProblemList } from './PreviewDetails';

export function ImportResult({
  result,
  onAgain,
  onContacts,
}: {
  result: RunResult;
  onAgain: () => void;
  onContacts: () => void;
}) {
  const { messages, format } = useI18n();
  const formats = useFormats();
  const t = messages.imports;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const stopped = result.status === 'stopped';
  const skipped = result.problems.filter((problem) => problem.severity === 'error');
  return (
    <section
      className={`card import-result${stopped ? ' import-result--stopped' : ''}`}
      aria-labelledby="import-result-title"
    >
      <h2 id="import-result-title" ref={headingRef} tabIndex={-1}>
        {stopped ? t.stoppedTitle : t.doneTitle}
      </h2>
      {stopped ? (
        <div role="alert">
          <p>{result.stoppedBecause ? t.stoppedBecause[result.stoppedBecause] : ''}</p>
          <p>
            <strong>{t.unchanged}</strong>
          </p>
          {result.stoppedBecause === 'bad_rows' && <p>{t.stoppedNext}</p>}
        </div>
      ) : (
        <p role="status">
          {format(t.doneSummary, {
            created: formats.count(result.counts.created),
            merged: formats.count(result.counts.merged),
            consentEvents: formats.count(result.counts.consentEvents),
            badRows: formats.count(result.counts.badRows),
          })}
        </p>
      )}
      {!stopped && result.created && <InformImported created={result.created} />}
      {!stopped && skipped.length > 0 && (
        <>
          <h3>{t.skippedTitle}</h3>
          <ProblemList problems={skipped} />
        </>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onAgain}>
          {stopped ? t.startOver : t.again}
        </button>
        {!stopped && (
          <button type="button" className="button button--primary" onClick={onContacts}>
            {t.toContacts}
          </button>
        )}
      </div>
    </section>
  );
}
