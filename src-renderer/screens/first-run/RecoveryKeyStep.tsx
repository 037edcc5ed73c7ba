// First run's last step: the new register's recovery key, shown once, to print and store.
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { useI18n } from '../../i18n';

export function RecoveryKeyStep({ recoveryKey, onContinue }: { recoveryKey: string; onContinue: () => void }) {
  const { messages } = useI18n();
  const t = messages.recovery;
  return (
    <main className="auth-page">
      <section className="card auth-card recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t.title}</h1>
        <p className="lead">{t.intro}</p>
        <RecoveryKeySheet recoveryKey={recoveryKey} continueLabel={t.continue} onContinue={onContinue} />
      </section>
    </main>
  );
}
