// Retention at scale (issue 5): the daily sweep over a register of a million persons (target
// under 2 s) and one approval deleting 10,000 due persons (target under 10 s), each beside a raw
// floor measured in the same run on the same encrypted file: the sweep's own SQL replayed on a
// bare connection, and for deletion the bare DELETEs (search entry and person row with its
// cascade) of another 10,000 persons in one transaction, without tombstones, audit or ledger.
// Both commit with the WAL copied into the file afterwards (the app in a worker): reported apart.
// Approvals are measured twice: on the search index as the loader left it (written by 100
// transactions, so in several segments) and after the app's upkeep has merged it
// (core/persons/search-upkeep.ts), as the app keeps it.
import { join } from 'node:path';
import { finnishDate, ManualClock, systemRandom } from '../../src-main/core/clock';
import { keyringPath, readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { mergeSearchIndexStep, searchIndexSegments } from '../../src-main/core/persons/search-upkeep';
import { checkDerivedState, createRegister, unlockRegister, type UnlockedRegister } from '../../src-main/core/register';
import { approveDeletion, dueForDeletion } from '../../src-main/core/retention';
import { generateRegister } from '../fixtures/generate';
import { FAST_SCRYPT, OWNER, tempDir } from '../fixtures/register';
import { summarise, table, timeMs, type Benchmark } from './harness';
import { loadRegister } from './load-register';
import { openRawConnection, replayer, statementRecorder } from './sql-capture';
import { writableDb } from '../fixtures/writable';

const SEED = 20261123;
const SIZES = (process.env['KAAPPI_BENCH_RETENTION_SIZES'] ?? '1000000').split(',').map(Number);
const SWEEP_RUNS = 5;
const DELETE_COUNT = 10_000;
const SETTINGS = { bookkeepingYears: 6 };
/**
 * The generator's anchor day, when the register is taken into use: the first sweep finds the
 * backlog of everyone inactive for five years (about 6 %); daily sweeps after it find fewer.
 */
const FIRST_DAY = new Date('2026-06-01T10:00:00Z');
/** Far enough after the generated data that everyone is due: the worst case, not a real day. */
const SWEEP_DAY = new Date('2040-06-01T10:00:00Z');

/** The app's search index upkeep to its end, as the registry runs it a step at a time. */
function mergeSearchIndexOf(register: UnlockedRegister) {
  const steps: number[] = [];
  for (let more = true; more;) {
    const start = performance.now();
    more = register.transaction((db) => mergeSearchIndexStep(db, steps.length > 0));
    steps.push(performance.now() - start);
  }
  return {
    steps: steps.length,
    totalMs: Math.round(steps.reduce((a, b) => a + b, 0)),
    longestStepMs: Math.round(Math.max(...steps)),
  };
}

async function benchSize(size: number) {
  const { dir, cleanup } = tempDir('kaappi-bench-retention-');
  try {
    const path = join(dir, 'asiakasrekisteri.kaappi');
    const clock = new ManualClock(new Date());
    const deps = { clock, random: systemRandom, scrypt: FAST_SCRYPT };
    const created = await createRegister(path, OWNER, deps);
    const load = loadRegister(created.register, generateRegister(size, { seed: SEED }), size, (loaded) => {
      if (loaded % 100_000 === 0) process.stderr.write(`retention: ${loaded.toLocaleString('en')} persons loaded\n`);
    });
    created.register.close();

    clock.set(SWEEP_DAY);
    const register = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    const key = await unlockWithPassword(readKeyringFile(keyringPath(path)), OWNER.username, OWNER.password);
    const raw = openRawConnection(path, key.toString('hex'));
    key.fill(0);
    try {
      /** The sweep on `day`, SWEEP_RUNS times, beside its own statements replayed on the bare connection. */
      const sweepOn = async (day: Date) => {
        const today = finnishDate(day);
        const recorder = statementRecorder(writableDb(register));
        const { result, statements } = await recorder.record(() => dueForDeletion(register.db, today));
        recorder.restore();
        const replay = replayer(raw);
        const app: number[] = [];
        const floor: number[] = [];
        for (let run = 0; run < SWEEP_RUNS; run++) {
          app.push(await timeMs(() => dueForDeletion(register.db, today)));
          floor.push(await timeMs(() => statements.forEach((statement) => replay(statement))));
        }
        return {
          due: result,
          timing: { day: today, due: result.length, app: summarise(app), floor: summarise(floor) },
        };
      };
      const first = await sweepOn(FIRST_DAY);
      const { due, timing: worst } = await sweepOn(SWEEP_DAY);

      const deletable = due.filter((d) => d.holds.length === 0).map((d) => d.personId);
      if (deletable.length < 3 * DELETE_COUNT) throw new Error(`only ${deletable.length} deletable persons`);
      const batch = (n: number) => deletable.slice(n * DELETE_COUNT, (n + 1) * DELETE_COUNT);
      /** One approval, and when the worker has wiped the erased from the file and emptied the WAL. */
      const approve = async (ids: number[]) => {
        const segments = searchIndexSegments(register.db).length;
        let erased = 0;
        const start = performance.now();
        const appMs = await timeMs(() => {
          erased = approveDeletion(register, ids).erased.length;
        });
        const copy = await register.backgroundCheckpoint();
        const wipedAfterMs = Math.round(performance.now() - start);
        return { segments, count: erased, appMs: Math.round(appMs), wipedAfterMs, pages: copy?.checkpointed ?? null };
      };
      const asLoaded = await approve(batch(0));
      const upkeep = mergeSearchIndexOf(register);
      const maintained = await approve(batch(1));
      // verify's derived-state check (consent bits, kept counts, due days and blocks) after 20,000
      // approved deletions.
      const checkStart = performance.now();
      const check = checkDerivedState(register);
      const derived = {
        ok: check.ok,
        differing: check.differing + check.dueState.differing,
        counts: check.counts,
        checkMs: 0,
      };
      derived.checkMs = Math.round(performance.now() - checkStart);
      if (!check.ok) throw new Error(`derived state differs after approvals: ${JSON.stringify(derived)}`);
      // The floor deletes in id order, as erasePersons does: the best order for the bare statements.
      const floorIds = batch(2).sort((a, b) => a - b);
      // Committed without copying the WAL into the file, as the app's large approval commits.
      raw.pragma('wal_autocheckpoint = 0');
      const deleteFts = raw.prepare('DELETE FROM persons_fts WHERE rowid = ?');
      const deletePerson = raw.prepare('DELETE FROM persons WHERE id = ?');
      const deleteFloor = await timeMs(() =>
        raw.transaction(() => {
          for (const id of floorIds) {
            deleteFts.run(id);
            deletePerson.run(id);
          }
        })(),
      );
      return {
        persons: size,
        loadMs: Math.round(load.totalMs),
        due: due.length,
        deletable: deletable.length,
        sweep: { firstDay: first.timing, worstCase: worst, targetMs: 2000 },
        delete: { asLoaded, upkeep, maintained, floorMs: Math.round(deleteFloor), targetMs: 10_000 },
        derived,
      };
    } finally {
      raw.close();
      register.close();
    }
  } finally {
    cleanup();
  }
}

export const retentionBenchmark: Benchmark = {
  name: 'retention',
  async run() {
    const sizes = [];
    for (const size of SIZES) sizes.push(await benchSize(size));
    const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
    return {
      report: [
        `retention: the sweep (${SWEEP_RUNS} runs) on the day the register is taken into use and in the worst case, everyone due (ms)`,
        ...table(
          ['persons', 'sweep on', 'due', 'median', 'p95', 'floor median', 'target', ''],
          sizes.flatMap((s) =>
            [s.sweep.firstDay, s.sweep.worstCase].map((sweep) => [
              s.persons.toLocaleString('en'),
              sweep.day,
              sweep.due.toLocaleString('en'),
              sweep.app.median,
              sweep.app.p95,
              sweep.floor.median,
              '< 2000',
              verdict(sweep.app.p95 < 2000),
            ]),
          ),
        ),
        `then: approvals of ${DELETE_COUNT.toLocaleString('en')} due persons, the search index as loaded and after the app's upkeep merged it; the floor (bare DELETEs, merged index) (ms)`,
        ...table(
          ['persons', 'index', 'approval', 'floor', 'target', '', 'wiped from file and WAL after', 'pages copied'],
          sizes.flatMap((s) =>
            [s.delete.asLoaded, s.delete.maintained].map((a) => [
              s.persons.toLocaleString('en'),
              `${a.segments} segment${a.segments === 1 ? '' : 's'}`,
              a.appMs,
              s.delete.floorMs,
              '< 10000',
              verdict(a.appMs < 10_000),
              a.wipedAfterMs,
              a.pages ?? 'copy failed',
            ]),
          ),
        ),
        ...sizes.map(
          (s) =>
            `derived state at ${s.persons.toLocaleString('en')} after the approvals: ${s.derived.ok ? 'equal to the events and rows' : 'DIFFERS'} (verify's check, ${s.derived.checkMs} ms)`,
        ),
        ...sizes.map(
          (s) =>
            `search index upkeep at ${s.persons.toLocaleString('en')}: ${s.delete.upkeep.steps} steps, ${s.delete.upkeep.totalMs} ms in all, the longest ${s.delete.upkeep.longestStepMs} ms`,
        ),
      ],
      json: {
        params: {
          seed: SEED,
          firstDay: FIRST_DAY.toISOString(),
          sweepDay: SWEEP_DAY.toISOString(),
          deleteCount: DELETE_COUNT,
          settings: SETTINGS,
        },
        sizes,
      },
    };
  },
};
