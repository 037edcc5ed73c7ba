// unlockRegister's steps timed one by one, to show where the app's unlock spends time beyond the
// floor. It repeats the steps of core/register/open.ts (unlockRegister, openWithKeyrings,
// reconcileKeyring) with core's public functions; keep it in step when that file changes.
import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src-main/db/open';
import { migrateDatabase } from '../../src-main/db/migrate';
import { users } from '../../src-main/db/schema';
import { deriveKeyFromPassword, fromB64 } from '../../src-main/core/keyring/crypto';
import {
  findUserEntry,
  normaliseUsername,
  readKeyringFile,
  unlockWithPassword,
  unlockWithRecoveryKey,
  userTag,
} from '../../src-main/core/keyring';
import { LoginThrottle } from '../../src-main/core/login-throttle';
import { registerExists, registerFiles, UnlockedRegister, type RegisterDeps } from '../../src-main/core/register';
import { summarise, type Summary } from './harness';

type Step = Summary & { name: string };

const UNWRAP = 'unwrap database key (scrypt, X25519, AES-GCM)';
const SCRYPT_ALONE = 'scrypt alone';
const UNWRAP_WITHOUT_SCRYPT = 'unwrap without scrypt (X25519, AES-GCM)';

export async function measureUnlockPieces(
  path: string,
  credentials: { username: string; password: string },
  recoveryKey: string,
  deps: RegisterDeps,
  runs: number,
): Promise<{ steps: Step[]; comparisons: Step[]; sumOfMediansBesidesUnwrap: number }> {
  const samples = new Map<string, number[]>();
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    samples.set(name, [...(samples.get(name) ?? []), ms]);
    return result;
  };
  const files = registerFiles(path);
  const comparisons = new Map<string, number[]>([
    [SCRYPT_ALONE, []],
    [UNWRAP_WITHOUT_SCRYPT, []],
  ]);

  for (let i = 0; i < runs; i++) {
    // Unwrapping is scrypt plus X25519 and AES-GCM. Timed apart: scrypt alone with the owner's
    // entry, and the rest through the recovery entry, whose KDF (HKDF) costs next to nothing.
    const entry = findUserEntry(readKeyringFile(files.keyring), credentials.username);
    if (entry?.kdf.name !== 'scrypt') throw new Error('no scrypt entry');
    const { N, r, p, salt } = entry.kdf;
    let start = performance.now();
    await deriveKeyFromPassword(credentials.password, fromB64(salt), { N, r, p });
    comparisons.get(SCRYPT_ALONE)?.push(performance.now() - start);
    start = performance.now();
    (await unlockWithRecoveryKey(readKeyringFile(files.keyring), recoveryKey)).fill(0);
    comparisons.get(UNWRAP_WITHOUT_SCRYPT)?.push(performance.now() - start);

    const throttle = await step('files exist + throttle check (counts the attempt, locked)', () => {
      registerExists(path);
      const t = new LoginThrottle(files.throttle, deps.clock);
      t.beginAttempt();
      return t;
    });
    const keyring = await step('read + validate keyring', () => {
      [files.keyring, files.pendingKeyring].filter((candidate) => existsSync(candidate));
      return readKeyringFile(files.keyring);
    });
    const key = await step(UNWRAP, () => unlockWithPassword(keyring, credentials.username, credentials.password));
    const opened = await step('open database (key, WAL, pragmas)', () => openDatabase(files.database, key));
    await step('read keyring again (after open)', () => readKeyringFile(files.keyring));
    await step('migrations check', () => migrateDatabase(opened.sqlite));
    const row = await step('load user', () =>
      opened.db
        .select()
        .from(users)
        .where(eq(users.username, normaliseUsername(credentials.username)))
        .get(),
    );
    if (!row) throw new Error('owner missing');
    await step('throttle success (locked read and write)', () => throttle.succeeded());
    const register = new UnlockedRegister(
      files,
      opened,
      key,
      { id: row.id, username: row.username, displayName: row.displayName, role: row.role },
      deps,
    );
    await step("audit 'session.login' (one fsync'd commit)", () =>
      register.transaction(() =>
        register.audit({
          action: 'session.login',
          targetType: 'user',
          targetId: row.id,
          details: { failedAttemptsBefore: 0 },
        }),
      ),
    );
    await step('reconcile keyring (read it, list active users)', () => {
      const current = register.readKeyring();
      const active = register.db.select({ username: users.username }).from(users).where(eq(users.active, true)).all();
      return active.map((u) => userTag(current, u.username));
    });
    await step('close (WAL checkpoint)', () => register.close());
  }

  const steps = [...samples].map(([name, values]) => ({ name, ...summarise(values) }));
  const besidesUnwrap = steps.filter((s) => s.name !== UNWRAP).reduce((sum, s) => sum + s.median, 0);
  return {
    steps,
    comparisons: [...comparisons].map(([name, values]) => ({ name, ...summarise(values) })),
    sumOfMediansBesidesUnwrap: Math.round(besidesUnwrap * 100) / 100,
  };
}
