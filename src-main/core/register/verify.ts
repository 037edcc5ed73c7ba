// The register's self-check: SQLite integrity, every page readable under the cipher, and the
// audit chain intact. The check itself is recorded in the audit log.
import { verifyAuditChain, type AuditVerification } from '../audit';
import type { UnlockedRegister } from './unlocked';

export interface RegisterVerification {
  chain: AuditVerification;
  database: { ok: boolean; problems: string[] };
}

export function verifyRegister(register: UnlockedRegister): RegisterVerification {
  const chain = verifyAuditChain(register.db);
  const database = register.integrity();
  register.transaction(() =>
    register.audit({ action: 'register.verified', details: { chainOk: chain.ok, databaseOk: database.ok } }),
  );
  return { chain, database };
}
