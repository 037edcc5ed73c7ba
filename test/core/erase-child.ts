// Child process for the crash test of a large erasure: erases the register's first persons
// (enough for the background copy) and is killed the moment the erasure returns, before the
// checkpoint worker has even loaded: the old pages are still in the file, the new in the WAL.
import { asc } from 'drizzle-orm';
import { unlockRegister } from '../../src-main/core/register';
import { erasePersons } from '../../src-main/core/retention';
import { LARGE_ERASURE } from '../../src-main/core/retention/erase';
import { persons } from '../../src-main/db/schema-register';
import { testDeps } from '../fixtures/register';

const [path, username, password] = process.argv.slice(2) as [string, string, string];
const register = await unlockRegister(path, { username, password }, testDeps());
const first = register.db.select({ id: persons.id }).from(persons).orderBy(asc(persons.id)).limit(LARGE_ERASURE).all();
erasePersons(
  register,
  { personIds: first.map((p) => p.id), reason: 'inactive', action: 'delete' },
  { bookkeepingYears: 6 },
);
process.kill(process.pid, 'SIGKILL');
