// The dashboard's deletions card (owner): how many are due, or plainly that no rule deletes anyone.
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';
import { enforcesAnyRule } from '../retention/ruleCoverage';

export function RetentionCard({ onOpen }: { onOpen: () => void }) {
  const { messages, format } = useI18n();
  const t = messages.retention;
  const due = useChannel('retention.dueCounts', {}, []).data;
  const policies = useChannel('retention.policies', {}, []).data;
  const coverage = due && policies ? { dueCount: due.deletable, ruleOn: enforcesAnyRule(policies) } : null;
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
