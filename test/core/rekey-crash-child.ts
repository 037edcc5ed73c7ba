// Child process for the crash tests of a new password: opens the register, then changes a
// password in the way asked and is killed at the first rename that would put a keyring in place
// after the database has been re-keyed (the moment between re-key and keyring).
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { recoverAccess, unlockRegister } from '../../src-main/core/register';
import { changeOwnPassword } from '../../src-main/core/users';
import { testDeps } from '../fixtures/register';

const [mode, path, username, secret, newPassword] = process.argv.slice(2) as [
  'change' | 'recover',
  string,
  string,
  string,
  string,
];

const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to) === `${path}.keyring`) process.kill(process.pid, 'SIGKILL');
  rename(from, to);
};
syncBuiltinESMExports();

if (mode === 'change') {
  const register = await unlockRegister(path, { username, password: secret }, testDeps());
  await changeOwnPassword(register, { currentPassword: secret, newPassword });
} else {
  await recoverAccess(path, { username, recoveryKey: secret, newPassword }, testDeps());
}
// Only reached if no keyring was ever renamed into place: the test then fails on the exit code.
process.exit(3);
