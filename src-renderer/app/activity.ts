// Typing and clicking count as activity for main's idle lock. Reported at most once a minute,
// so a long form being filled in does not lock under the user's hands.
import { invoke } from '../api';

const REPORT_EVERY_MS = 60_000;

export function reportActivity(): () => void {
  let lastReport = Date.now();
  const onInput = () => {
    const now = Date.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    void invoke('session.activity', {}).catch(() => undefined);
  };
  const events = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const name of events) window.addEventListener(name, onInput, { passive: true });
  return () => {
    for (const name of events) window.removeEventListener(name, onInput);
  };
}
