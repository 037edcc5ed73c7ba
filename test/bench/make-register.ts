// `tsx test/bench/make-register.ts SIZE DIR`: the bench's generated register, kept in DIR for
// looking at query plans and trying queries by hand (the bench itself deletes its registers).
import { join } from 'node:path';
import { systemClock, systemRandom } from '../../src-main/core/clock';
import { createRegister } from '../../src-main/core/register';
import { generateRegister } from '../fixtures/generate';
import { FAST_SCRYPT, OWNER } from '../fixtures/register';
import { loadRegister } from './load-register';
import { SEED } from './search';

const [size, dir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(size) || size < 1 || !dir) throw new Error('usage: make-register.ts SIZE DIR');
const path = join(dir, 'asiakasrekisteri.kaappi');
const { register } = await createRegister(path, OWNER, {
  clock: systemClock,
  random: systemRandom,
  scrypt: FAST_SCRYPT,
});
try {
  const report = loadRegister(register, generateRegister(size, { seed: SEED }), size, (loaded) => {
    if (loaded % 100_000 === 0) process.stderr.write(`${loaded.toLocaleString('en')} persons loaded\n`);
  });
  console.log(JSON.stringify({ path, owner: OWNER.username, ...report }));
} finally {
  register.close();
}
