// Registers for the `kaappi` command's tests: made in-process in a temp folder and closed, then
// opened by the real command in a child process; the folders go when the test file is done.
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ManualClock } from '../../src-main/core/clock';
import { createRegister, unlockRegister, type UnlockedRegister } from '../../src-main/core/register';
import type { NewUser } from '../../src-main/core/users';
import { addUsersWithOwnPasswords, OWNER, tempDir, testDeps } from '../fixtures/register';
import { runCli, type CliRun } from './run-cli';

/**
 * Temp folders named `prefix…`, all removed after the file's last test: a file's tests run
 * concurrently, so a folder cannot go with its own test. Call once, at the file's top level.
 */
export function foldersForThisFile(prefix: string): () => string {
  const cleanups: Array<() => void> = [];
  afterAll(() => {
    while (cleanups.length) cleanups.pop()!();
  });
  return () => {
    const { dir, cleanup } = tempDir(prefix);
    cleanups.push(cleanup);
    return dir;
  };
}

/**
 * Makes `<dir>/asiakasrekisteri.kaappi` with the owner (on `clock`, else the fixtures' fixed day),
 * lets `fill` write to it while open, closes it and adds `users` with their own passwords.
 */
export async function registerOnDisk(
  dir: string,
  options: { fill?: (register: UnlockedRegister) => void; users?: NewUser[]; clock?: ManualClock } = {},
): Promise<string> {
  const path = join(dir, 'asiakasrekisteri.kaappi');
  const deps = testDeps({ clock: options.clock });
  const { register } = await createRegister(path, OWNER, deps);
  try {
    options.fill?.(register);
  } finally {
    register.close();
  }
  if (options.users?.length) await addUsersWithOwnPasswords(path, options.users, deps);
  return path;
}

/** `kaappi <command…> <args…>` on the register at `path`, as `user`, the password given in the env. */
export function commandAs(
  path: string,
  user: { username: string; password: string },
  env: Record<string, string> = {},
  command: string[] = [],
): (...args: string[]) => Promise<CliRun> {
  return (...args) =>
    runCli([...command, ...args, '--register', path, '--user', user.username], {
      KAAPPI_PASSWORD: user.password,
      ...env,
    });
}

/** Opens the register in-process as the owner, to check what the command left there. */
export function openAsOwner(path: string): Promise<UnlockedRegister> {
  return unlockRegister(path, { username: OWNER.username, password: OWNER.password }, testDeps());
}

/** Reads the register in-process as the owner, and closes it again. */
export async function readAsOwner<T>(path: string, look: (register: UnlockedRegister) => T): Promise<T> {
  const register = await openAsOwner(path);
  try {
    return look(register);
  } finally {
    register.close();
  }
}

/** The command's output, once it has succeeded with nothing on stderr. */
export function okStdout(run: CliRun): string {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}
