// How long logging in takes: the app's unlockRegister (then close) against a floor of the same
// scrypt and a bare SQLCipher open of the same file, interleaved so that both see the same machine.
// The target is app ≤ 1.3 × floor. Where the time over the floor goes is measured piece by piece.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { systemClock, systemRandom } from '../../src-main/core/clock';
import { deriveKeyFromPassword, fromB64 } from '../../src-main/core/keyring/crypto';
import {
  findUserEntry,
  keyringPath,
  OWASP_SCRYPT,
  readKeyringFile,
  unlockWithPassword,
} from '../../src-main/core/keyring';
import { createRegister, unlockRegister, type RegisterDeps } from '../../src-main/core/register';
import { OWNER, tempDir } from '../fixtures/register';
import { summarise, table, timeMs, type Benchmark } from './harness';
import { measureUnlockPieces } from './unlock-pieces';

const RUNS = 15;
const WARMUPS = 2;
const TARGET_RATIO = 1.3;

export const unlockBenchmark: Benchmark = {
  name: 'unlock',
  async run() {
    const { dir, cleanup } = tempDir('kaappi-bench-');
    try {
      const path = join(dir, 'asiakasrekisteri.kaappi');
      const deps: RegisterDeps = { clock: systemClock, random: systemRandom, scrypt: OWASP_SCRYPT };
      const created = await createRegister(path, OWNER, deps);
      created.register.close();
      const credentials = { username: OWNER.username, password: OWNER.password };

      // The floor uses the owner's own entry: same scrypt cost and salt, and the real database key.
      const keyring = readKeyringFile(keyringPath(path));
      const entry = findUserEntry(keyring, OWNER.username);
      if (entry?.kdf.name !== 'scrypt') throw new Error('the owner has no scrypt keyring entry');
      const { N, r, p, salt } = entry.kdf;
      const params = { N, r, p };
      const databaseKeyHex = (await unlockWithPassword(keyring, OWNER.username, OWNER.password)).toString('hex');

      const app = async () => (await unlockRegister(path, credentials, deps)).close();
      const floor = async () => {
        await deriveKeyFromPassword(OWNER.password, fromB64(salt), params);
        const sqlite = new Database(path);
        try {
          sqlite.pragma(`cipher='sqlcipher'`);
          sqlite.pragma('legacy=4');
          sqlite.pragma(`key="x'${databaseKeyHex}'"`);
          sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
        } finally {
          sqlite.close();
        }
      };

      const appSamples: number[] = [];
      const floorSamples: number[] = [];
      for (let i = 0; i < WARMUPS + RUNS; i++) {
        // Alternate which goes first, so neither always runs on a machine the other has warmed.
        const order = i % 2 === 0 ? [app, floor] : [floor, app];
        const times = [await timeMs(order[0]!), await timeMs(order[1]!)];
        if (i < WARMUPS) continue;
        appSamples.push(i % 2 === 0 ? times[0]! : times[1]!);
        floorSamples.push(i % 2 === 0 ? times[1]! : times[0]!);
      }
      const appSummary = summarise(appSamples);
      const floorSummary = summarise(floorSamples);
      const ratio = Math.round((appSummary.median / floorSummary.median) * 1000) / 1000;
      const met = ratio <= TARGET_RATIO;
      // scrypt's spread (tens of ms) hides the app's few ms in either median; the difference
      // within each interleaved pair, and the minimums, show them better.
      const paired = summarise(appSamples.map((ms, i) => ms - (floorSamples[i] ?? Number.NaN)));
      const ratioOfMinimums = Math.round((appSummary.min / floorSummary.min) * 1000) / 1000;
      const pieces = await measureUnlockPieces(path, credentials, created.recoveryKey, deps, RUNS);

      const report = [
        `unlock: scrypt N=2^${Math.log2(N)} r=${r} p=${p}; ${RUNS} runs each after ${WARMUPS} warm-ups, interleaved (ms)`,
        ...table(
          ['', 'median', 'p95', 'min'],
          [
            ['app   unlockRegister + close', appSummary.median, appSummary.p95, appSummary.min],
            ['floor scrypt + raw SQLCipher open', floorSummary.median, floorSummary.p95, floorSummary.min],
          ],
        ),
        `ratio app/floor (medians): ${ratio.toFixed(2)}x, target ${TARGET_RATIO}x: ${met ? 'MET' : 'MISSED'}`,
        `app - floor within each pair: median ${paired.median.toFixed(1)} ms, min ${paired.min.toFixed(1)} ms; ratio of minimums ${ratioOfMinimums.toFixed(2)}x`,
        '',
        `where the app's time goes: unlockRegister's steps one by one, ${RUNS} runs (ms)`,
        ...table(
          ['step', 'median', 'p95', 'min'],
          [...pieces.steps, ...pieces.comparisons.map((c) => ({ ...c, name: `(${c.name})` }))].map((step) => [
            step.name,
            step.median,
            step.p95,
            step.min,
          ]),
        ),
        `all steps but unwrapping: ${pieces.sumOfMediansBesidesUnwrap.toFixed(1)} ms (sum of medians)`,
      ];
      return {
        report,
        json: {
          params: {
            scrypt: params,
            runs: RUNS,
            warmups: WARMUPS,
            order: 'interleaved, alternating which goes first',
            target: TARGET_RATIO,
          },
          app: { what: 'core unlockRegister(path, {username, password}, deps) then close()', ...appSummary },
          floor: {
            what: 'deriveKeyFromPassword (same params and salt) + raw open, key pragma, SELECT count(*) FROM sqlite_master, close',
            ...floorSummary,
          },
          ratio,
          met,
          pairedDifference: paired,
          ratioOfMinimums,
          pieces,
        },
      };
    } finally {
      cleanup();
    }
  },
};
