// One data subject's package on a register of 100,000 generated persons (issue target: gather and
// build, PDF included, under 1 s). Reported apart: reading the data (gather, one transaction),
// building the files in memory (data.json, CSV, HTML, PDF), both together against the target, and
// writing the package to disk (checksums, fsync, audit, rename), plain and as an AES-256 zip. The
// raw floor is gather's own SQL replayed on a bare connection to the same encrypted file.
// KAAPPI_BENCH_SUBJECT_SIZE changes the register's size.
import { join } from 'node:path';
import { ManualClock, systemRandom } from '../../src-main/core/clock';
import { recordConsents } from '../../src-main/core/consents';
import { keyringPath, readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { addContact, addInterest, addOrder, personDetail } from '../../src-main/core/persons';
import { createRegister, unlockRegister, type UnlockedRegister } from '../../src-main/core/register';
import { receiveRequest } from '../../src-main/core/requests';
import { buildSubjectPackage, gatherSubjectData, writeSubjectPackage } from '../../src-main/core/subject-package';
import { generateRegister } from '../fixtures/generate';
import { FAST_SCRYPT, OWNER, tempDir } from '../fixtures/register';
import { summarise, table, timeMs, type Benchmark } from './harness';
import { loadRegister } from './load-register';
import { openRawConnection, replayer, statementRecorder } from './sql-capture';
import { writableDb } from '../fixtures/writable';

const SEED = 20261123;
const SIZE = Number(process.env['KAAPPI_BENCH_SUBJECT_SIZE'] ?? 100_000);
const RUNS = 15;
const WRITE_RUNS = 5;
const TARGET_MS = 1000;
const PACKAGE_PASSWORD = 'Kuusi-Kissaa-Katolla-77';
/** What a long-standing customer has gathered: years of orders, contacts, consent changes, views. */
const HISTORY = { orders: 40, contacts: 60, consentEvents: 12, views: 300, requests: 2 };

/** Gives the person in the middle of the register a realistic history, through the core services. */
function giveHistory(register: UnlockedRegister, personId: number): void {
  for (let i = 0; i < HISTORY.orders; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    addOrder(register, personId, {
      orderedOn: `${2016 + Math.floor(i / 4)}-${month}-15`,
      description: `Hierontasarja ${i + 1}: 5 × 60 min, klassinen hieronta ja venyttely`,
      amountCents: 32_500 + i * 100,
      invoiceStatus: 'paid',
    });
  }
  for (let i = 0; i < HISTORY.contacts; i++) {
    addContact(register, personId, {
      occurredOn: `${2016 + Math.floor(i / 6)}-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
      channel: i % 2 ? 'phone' : 'email',
      kind: i % 5 ? 'contact' : 'feedback',
      summary: 'Kysyi iltapäiväaikoja ja kuumakivihieronnasta; toivoo muistutusta tekstiviestillä edellisenä päivänä.',
    });
  }
  for (let i = 0; i < HISTORY.consentEvents; i++) {
    recordConsents(register, personId, [
      {
        subject: i % 2 ? 'email' : 'sms',
        granted: i % 3 !== 0,
        method: 'form',
        evidence: 'Haluan tietoa tarjouksista ja uutiskirjeen. Voin perua suostumuksen milloin tahansa.',
      },
    ]);
  }
  addInterest(register, [personId], 'kuumakivihieronta');
  for (let i = 0; i < HISTORY.requests; i++) {
    receiveRequest(register, {
      type: i === 0 ? 'access' : 'ban_direct_marketing',
      receivedOn: '2026-06-01',
      channel: 'email',
      language: 'fi',
      requesterName: 'Rekisteröity',
      requesterContact: 'rekisteroity@example.fi',
      body: '',
      personIds: [personId],
    });
  }
  for (let i = 0; i < HISTORY.views; i++) personDetail(register, personId);
}

async function measure(run: () => unknown, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(run));
  return samples;
}

async function benchSubject() {
  const { dir, cleanup } = tempDir('kaappi-bench-subject-');
  try {
    const path = join(dir, 'asiakasrekisteri.kaappi');
    const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
    const deps = { clock, random: systemRandom, scrypt: FAST_SCRYPT };
    const created = await createRegister(path, OWNER, deps);
    const load = loadRegister(created.register, generateRegister(SIZE, { seed: SEED }), SIZE);
    const subject = Math.ceil(SIZE / 2);
    giveHistory(created.register, subject);
    created.register.close();

    // Measured through a fresh connection with the app's own pragmas, as after an unlock.
    const register = await unlockRegister(path, { username: OWNER.username, password: OWNER.password }, deps);
    const key = await unlockWithPassword(readKeyringFile(keyringPath(path)), OWNER.username, OWNER.password);
    const raw = openRawConnection(path, key.toString('hex'));
    key.fill(0);
    try {
      const recorder = statementRecorder(writableDb(register));
      const { result: data, statements } = await recorder.record(() => gatherSubjectData(register, subject));
      recorder.restore();
      const replay = replayer(raw);
      const floor = () => raw.transaction(() => statements.forEach((statement) => replay(statement)))();

      const files = await buildSubjectPackage(data, 'fi');
      const gather = await measure(() => gatherSubjectData(register, subject), RUNS);
      const gatherFloor = await measure(floor, RUNS);
      const build = await measure(() => buildSubjectPackage(data, 'fi'), RUNS);
      const total = await measure(async () => buildSubjectPackage(gatherSubjectData(register, subject), 'fi'), RUNS);
      const out = join(dir, 'packages');
      const write = await measure(() => writeSubjectPackage(register, { personId: subject, folder: out }), WRITE_RUNS);
      const writeZip = await measure(
        () => writeSubjectPackage(register, { personId: subject, folder: out, password: PACKAGE_PASSWORD }),
        WRITE_RUNS,
      );
      return {
        persons: SIZE,
        loadMs: Math.round(load.totalMs),
        history: HISTORY,
        statements: statements.length,
        rows: {
          processing: data.processing.length,
          consents: data.consents.history.length,
          orders: data.orders.length,
          contacts: data.contacts.length,
        },
        bytes: Object.fromEntries(files.map((file) => [file.name, file.content.length])),
        gather: { app: summarise(gather), floor: summarise(gatherFloor) },
        build: summarise(build),
        gatherAndBuild: { app: summarise(total), targetMs: TARGET_MS },
        write: { plain: summarise(write), encryptedZip: summarise(writeZip) },
      };
    } finally {
      raw.close();
      register.close();
    }
  } finally {
    cleanup();
  }
}

export const subjectPackageBenchmark: Benchmark = {
  name: 'subject-package',
  async run() {
    const r = await benchSubject();
    const verdict = r.gatherAndBuild.app.p95 < TARGET_MS ? 'MET' : 'MISSED';
    const row = (name: string, s: { median: number; p95: number }, floor?: { median: number }) => [
      name,
      s.median,
      s.p95,
      floor ? floor.median.toFixed(1) : '',
    ];
    return {
      report: [
        `subject-package: one person's package on ${r.persons.toLocaleString('en')} persons; ${r.rows.processing} audit entries, ${r.rows.orders} orders, ${r.rows.contacts} contacts, ${r.rows.consents} consent events; report PDF ${r.bytes['raportti.pdf']} bytes (ms)`,
        ...table(
          ['step', 'median', 'p95', 'raw floor'],
          [
            row(`gather (${r.statements} statements)`, r.gather.app, r.gather.floor),
            row('build files incl. PDF', r.build),
            row('gather + build', r.gatherAndBuild.app),
            row('write to disk', r.write.plain),
            row('write as AES-256 zip', r.write.encryptedZip),
          ],
        ),
        `target: gather + build p95 < ${TARGET_MS} ms: ${verdict}`,
      ],
      json: { params: { seed: SEED, runs: RUNS, writeRuns: WRITE_RUNS }, ...r },
    };
  },
};
