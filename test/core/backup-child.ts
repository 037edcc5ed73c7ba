// Child process for the backup kill test: opens the register, says it is starting, backs up.
import { createBackup } from '../../src-main/core/backup';
import { unlockRegister } from '../../src-main/core/register';
import { testDeps } from '../fixtures/register';

const [path, folder, password] = process.argv.slice(2) as [string, string, string];
const register = await unlockRegister(path, { username: 'aino', password }, testDeps());
process.stdout.write('starting\n');
await createBackup(register, folder, { appVersion: 'test' });
register.close();
process.stdout.write('done\n');
