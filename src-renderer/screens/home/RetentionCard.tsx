// The dashboard's deletions card (owner): how many are due, or plainly that no rule deletes anyone.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { enforcesAnyRule } from '../retention/ruleCoverage';

type Coverage = { dueCount: number; ruleOn: boolean };

export function RetentionCard({ onOpen }: { onOpen: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([invoke('retention.due', {}), invoke('retention.policies', {})])
      .then(([due, policies]: [ChannelOutput<'retention.due'>, ChannelOutput<'retention.policies'>]) => {
        if (live)
          setCoverage({ dueCount: due.filter((d) => d.holds.length === 0).length, ruleOn: enforcesAnyRule(policies) });
      })
      .catch(() => live && setCoverage(null));
    return () => {
      live = false;
    };
  }, []);
  const noRule = coverage !== null && !coverage.ruleOn && coverage.dueCount === 0;
  return (
    <section className="card" aria-labelledby="retention-card-title">
      <h2 id="retention-card-title">{t.homeCardTitle}</h2>
      {noRule ? (
        <p className="warning-text" data-testid="due-count">
          {t.homeCardNoRule}
        </p>
      ) : (
        <p data-testid="due-count">
          {coverage === null
            ? messages.loading
            : coverage.dueCount === 0
              ? t.homeCardNone
              : format(t.homeCardDue, { count: coverage.dueCount })}
        </p>
      )}
      <button type="button" className="button" onClick={onOpen}>
        {noRule ? t.homeCardSetRule : t.homeCardOpen}
      </button>
    </section>
  );
}
