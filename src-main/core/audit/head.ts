// The audit head: how many entries the log had and the last one's hash, kept outside the database
// (beside the register and in every backup manifest) and MAC'd with a key derived from the register
// key, so that verify notices a log wiped or cut short by someone who could open the database.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ReadableDb } from '../../db/open';
import { auditLog } from '../../db/schema';
import { writeFileAtomic } from '../keyring';
import { chainEnd, GENESIS_HASH } from './index';

export interface AuditHead {
  count: number;
  hash: string;
}

const sealedSchema = z.object({ count: z.number().int().min(0), hash: z.string(), mac: z.string() }).strict();
export type SealedHead = z.infer<typeof sealedSchema>;

export const auditHeadPath = (registerPath: string) => `${registerPath}.audit-head`;
export const pendingAuditHeadPath = (registerPath: string) => `${registerPath}.audit-head.next`;

export function headOf(db: ReadableDb): AuditHead {
  const last = chainEnd(db);
  return { count: last.id, hash: last.hash };
}

function mac(head: AuditHead, databaseKey: Buffer, registerId: string): string {
  const key = Buffer.from(hkdfSync('sha256', databaseKey, registerId, 'kaappi audit head v1', 32));
  try {
    return createHmac('sha256', key).update(`kaappi-audit-head/${registerId}/${head.count}/${head.hash}`).digest('hex');
  } finally {
    key.fill(0);
  }
}

export function sealHead(head: AuditHead, databaseKey: Buffer, registerId: string): SealedHead {
  return { count: head.count, hash: head.hash, mac: mac(head, databaseKey, registerId) };
}

export function isSealedBy(head: SealedHead, databaseKey: Buffer, registerId: string): boolean {
  const expected = Buffer.from(mac(head, databaseKey, registerId), 'hex');
  const given = Buffer.from(head.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether the log still holds the head's entry unchanged (it may have grown since). */
export function logHolds(db: ReadableDb, head: AuditHead): boolean {
  if (head.count === 0) return head.hash === GENESIS_HASH;
  const row = db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, head.count)).get();
  return row?.hash === head.hash;
}

/** The head file's content; null if there is none, 'damaged' if it cannot be read as one. */
export function readHeadFile(path: string): SealedHead | null | 'damaged' {
  if (!existsSync(path)) return null;
  try {
    return sealedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return 'damaged';
  }
}

export function writeHeadFile(path: string, head: SealedHead): void {
  writeFileAtomic(path, `${JSON.stringify(head)}\n`);
}

export function parseSealedHead(value: unknown): SealedHead | null {
  const parsed = sealedSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
