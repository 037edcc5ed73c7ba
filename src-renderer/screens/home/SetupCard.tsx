// The dashboard's setup card (owner): how many of the settings' steps are done, as main computes
// them from the register (notice.status), and the way straight to the first one not done.
import type { SetupStep } from '../../../src-shared/contract/notice-facts';
import { useChannel } from '../../components/useChannel';
import { useI18n } from '../../i18n';

export function SetupCard({ onOpen }: { onOpen: (step?: SetupStep) => void }) {
  const { messages, format } = useI18n();
  const t = messages.settings.steps;
  const steps = useChannel('notice.status', {}, []).data?.steps ?? null;
  if (steps === null) return null;
  const left = steps.filter((step) => !step.done);
  const first = left[0]?.step;
  return (
    <section className="card" aria-labelledby="setup-card-title">
      <h2 id="setup-card-title">{t.homeTitle}</h2>
      <p className={first ? 'notice' : 'ok'} data-testid="setup-progress">
        {format(t.homeProgress, { done: steps.length - left.length, total: steps.length })}
      </p>
      {left.length > 0 && <p>{format(t.homeLeft, { steps: left.map((step) => t.names[step.step]).join(', ') })}</p>}
      <button type="button" className={first ? 'button button--primary' : 'button'} onClick={() => onOpen(first)}>
        {first ? format(t.homeContinue, { step: t.names[first] }) : t.homeOpen}
      </button>
    </section>
  );
}
