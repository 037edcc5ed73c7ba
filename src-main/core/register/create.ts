// Creating a register: the database file with its schema, the owner, and the keyring.
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../db/open';
import { migrateDatabase } from '../../db/migrate';
import { registerInfo, users } from '../../db/schema';
import { appendAudit, headOf, sealHead, writeHeadFile } from '../audit';
import { KaappiError } from '../../../src-shared/errors';
import { createKeyring, formatRecoveryKey, normaliseUsername, writeKeyringFile } from '../keyring';
import { assertSignedBy } from '../users';
import { isStrongPassword } from '../../../src-shared/password-policy';
import { registerExists, registerFiles } from './files';
import { listEntries } from './keyring-list';
import { UnlockedRegister, type RegisterDeps, type SessionUser } from './unlocked';

export interface NewOwner {
  username: string;
  displayName: string;
  password: string;
  confidentialitySignedOn?: string | null;
}

/** Creates the register file and its keyring. The recovery key is returned once and never stored. */
export async function createRegister(
  databasePath: string,
  owner: NewOwner,
  deps: RegisterDeps,
): Promise<{ register: UnlockedRegister; recoveryKey: string }> {
  if (registerExists(databasePath)) throw new KaappiError('REGISTER_EXISTS');
  assertSignedBy(owner.confidentialitySignedOn, deps.clock);
  // A database without a keyring is what a first run interrupted before its last step leaves:
  // nobody can open it, so it is set aside (never deleted) and the register is created anew.
  setAsideIncomplete(databasePath, deps.clock.now());
  if (!isStrongPassword(owner.password, [owner.username, owner.displayName])) throw new KaappiError('WEAK_PASSWORD');
  const files = registerFiles(databasePath);
  const registerId = randomUUID();
  const databaseKey = deps.random(32);
  const { keyring, recoverySecret } = await createKeyring(
    { registerId, databaseKey, ownerUsername: owner.username, ownerPassword: owner.password },
    deps,
  );
  const recoveryKey = formatRecoveryKey(recoverySecret);
  recoverySecret.fill(0);

  mkdirSync(dirname(databasePath), { recursive: true });
  const opened = openDatabase(databasePath, databaseKey);
  try {
    // Encrypted or not, the file is nobody else's business on a shared machine.
    chmodSync(databasePath, 0o600);
    migrateDatabase(opened.sqlite);
    const now = deps.clock.now().toISOString();
    const user = opened.sqlite
      .transaction(() => {
        opened.db
          .insert(registerInfo)
          .values({ id: 1, registerId, createdAt: now, keyringListedAt: now, auditHeadSince: now })
          .run();
        const row = opened.db
          .insert(users)
          .values({
            username: normaliseUsername(owner.username),
            displayName: owner.displayName.trim(),
            role: 'owner',
            confidentialitySignedOn: owner.confidentialitySignedOn ?? null,
            createdAt: now,
            passwordChangedAt: now,
          })
          .returning()
          .get();
        listEntries(
          opened.db,
          keyring.entries.map((entry) => ({ entry, userId: entry.kind === 'user' ? row.id : null })),
          now,
        );
        appendAudit(opened.db, deps.clock, { actorUserId: row.id, action: 'register.created', targetType: 'register' });
        appendAudit(opened.db, deps.clock, {
          actorUserId: row.id,
          action: 'user.added',
          targetType: 'user',
          targetId: row.id,
          details: { role: 'owner' },
        });
        return row;
      })
      .immediate();
    writeHeadFile(files.auditHead, sealHead(headOf(opened.db), databaseKey, registerId));
    writeKeyringFile(files.keyring, keyring);
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: 'owner',
    };
    return { register: new UnlockedRegister(files, opened, databaseKey, sessionUser, deps), recoveryKey };
  } catch (error) {
    opened.sqlite.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
    rmSync(files.auditHead, { force: true });
    throw error;
  }
}

function setAsideIncomplete(databasePath: string, now: Date): void {
  if (!existsSync(databasePath)) return;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix))
      renameSync(databasePath + suffix, `${databasePath}.incomplete-${stamp}${suffix}`);
  }
}
