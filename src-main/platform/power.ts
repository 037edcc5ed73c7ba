// Timers of the main process: lock when the OS locks the screen or goes to sleep, or after the
// idle time; run the day's scheduled jobs (retention) while a register is open.
import { powerMonitor } from 'electron';
import { DAILY_JOBS_CHECK_MS } from '../core/scheduler';
import type { Registry } from '../ipc/registry';

const IDLE_CHECK_MS = 15_000;

export function watchForLock(registry: Registry): () => void {
  const onLockScreen = () => void registry.lock('os-lock');
  const onSuspend = () => void registry.lock('suspend');
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);
  const timer = setInterval(() => {
    // Electron's 'lock-screen' event exists on macOS and Windows only; on Linux the idle state
    // says 'locked' while the screen is locked.
    if (powerMonitor.getSystemIdleState(60) === 'locked') void registry.lock('os-lock');
    else registry.lockIfIdle();
  }, IDLE_CHECK_MS);
  const schedule = setInterval(() => void registry.runScheduled(), DAILY_JOBS_CHECK_MS);
  return () => {
    clearInterval(timer);
    clearInterval(schedule);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('suspend', onSuspend);
  };
}
