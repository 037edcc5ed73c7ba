// The open register's background jobs: the day's retention sweep, then merging the search index
// a step at a time. The doors decide when to ask (unlock, an hourly timer); this decides what runs.
import { mergeSearchIndexStep } from '../persons';
import type { UnlockedRegister } from '../register';
import { runRetentionIfDue } from '../retention';

/** The retention sweep runs once a day; a door checking this often catches the day change. */
export const DAILY_JOBS_CHECK_MS = 60 * 60_000;

/** What the scheduler needs from the door that runs it. */
export interface SchedulerHost {
  /** The open register, or null while locked. */
  current(): UnlockedRegister | null;
  /** Runs a job after the calls already waiting: the door's one-at-a-time queue. */
  enqueue(job: () => void): Promise<void>;
  /** Failures of a job are logged here, never thrown to the caller. */
  logError?: (job: string, error: unknown) => void;
}

export interface Scheduler {
  /** The day's jobs, if a register is open; call it from inside the host's queue. */
  runDue(): void;
}

export function createScheduler(host: SchedulerHost): Scheduler {
  let upkeepOf: UnlockedRegister | null = null;

  /**
   * Merges the search index's segments (core/persons/search-upkeep.ts) a step at a time through
   * the queue, so a call waits for one step at most. Stops at lock.
   */
  function startSearchIndexUpkeep(register: UnlockedRegister): void {
    if (upkeepOf === register) return;
    upkeepOf = register;
    const step = (continuing: boolean) => {
      let more = false;
      if (host.current() === register) {
        try {
          more = register.transaction((db) => mergeSearchIndexStep(db, continuing));
        } catch (error) {
          host.logError?.('search.upkeep', error);
        }
      }
      // Calls that came meanwhile go first: the next step joins the queue behind them.
      if (more) setTimeout(() => void host.enqueue(() => step(true)), 0);
      else if (upkeepOf === register) upkeepOf = null;
    };
    void host.enqueue(() => step(false));
  }

  return {
    runDue() {
      const register = host.current();
      if (!register) return;
      try {
        runRetentionIfDue(register);
      } catch (error) {
        host.logError?.('retention.run', error);
      }
      startSearchIndexUpkeep(register);
    },
  };
}
