// Shows how guessable a new password is, with the same estimator main uses to accept it.
import { passwordStrength } from '../../src-shared/password-policy';
import { useI18n } from '../i18n';

export function StrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const { messages } = useI18n();
  const score = passwordStrength(password, userInputs);
  const label = messages.strength.levels[score] ?? '';
  return (
    <div className="strength" data-score={score}>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={messages.strength.label} />
      <span className="strength__label" aria-live="polite">
        {messages.strength.label}: {password ? label : '—'}
      </span>
    </div>
  );
}
