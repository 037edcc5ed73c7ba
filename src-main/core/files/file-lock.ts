// A lock between processes (the app and a CLI run) around a read-modify-write of a small file,
// taken by creating `<file>.lock` exclusively. Held for microseconds, so waiting spins briefly.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { KaappiError } from '../../../src-shared/errors';

const WAIT_MS = 5_000;
/** A lock this old was left by a process that died holding it: the work it guards takes microseconds. */
const STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function withFileLock<T>(path: string, run: () => T): T {
  const lockPath = `${path}.lock`;
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > giveUpAt) throw new KaappiError('REGISTER_BUSY', {}, { cause: error });
      Atomics.wait(pause, 0, 0, 2);
    }
  }
  try {
    return run();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function isStale(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > STALE_MS) return true;
    const pid = Number(readFileSync(lockPath, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written this very moment
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: its process is gone. ENOENT: released meanwhile, so try again at once.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ESRCH' || code === 'ENOENT';
  }
}
