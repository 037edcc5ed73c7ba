// The audit log knows the files an action wrote or read by count and SHA-256 only: a folder or a
// file the user named after a person would otherwise outlive that person's erasure in the log.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { auditCsv } from '../../src-main/core/audit/query';
import { backupNow } from '../../src-main/core/backup';
import { addressLabels, mailingList, tableExport } from '../../src-main/core/exports';
import { previewImport, runImport, type ImportFile } from '../../src-main/core/imports';
import { writeNoticeFiles } from '../../src-main/core/notice';
import { createPerson } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import { receiveRequest, writeRequestDocument } from '../../src-main/core/requests';
import { erasePersons } from '../../src-main/core/retention';
import { readSettings } from '../../src-main/core/settings';
import { writeSubjectPackage } from '../../src-main/core/subject-package';
import { auditLog } from '../../src-main/db/schema';
import { person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';

/** A customer, and what a careless owner names folders and files after. */
const NAME = 'Ääritapaus Kolmas';
const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
const sha256 = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex');

async function setup() {
  const { register, dir } = await registerForThisTest();
  const ääritapaus = createPerson(
    register,
    person({ firstName: 'Ääritapaus', lastName: 'Kolmas', email: 'aaritapaus.kolmas@example.fi' }),
  ).id;
  const folder = join(dir, NAME);
  mkdirSync(folder);
  return { register, dir, folder, ääritapaus };
}

type AuditRow = ReturnType<typeof listAudit>[number];

/** The audit rows `action` writes, each with every column as text. */
async function rowsWrittenBy(register: UnlockedRegister, action: () => unknown): Promise<AuditRow[]> {
  const last = listAudit(register.db, 1)[0]?.id ?? 0;
  await action();
  return register.db.select().from(auditLog).where(gt(auditLog.id, last)).all();
}

function expectNoPathOrName(rows: AuditRow[], ...paths: string[]) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const text = Object.values(row).join('\n');
    for (const forbidden of [NAME, 'Ääritapaus', 'Kolmas', ...paths]) {
      expect(text, `${row.action} holds ${forbidden}`).not.toContain(forbidden);
    }
  }
}

const detailsOf = (rows: AuditRow[], action: string) =>
  JSON.parse(rows.find((row) => row.action === action)?.details ?? 'null') as Record<string, unknown> | null;

const importFile = (fixture: string, fileName: string): ImportFile => ({
  fileName,
  bytes: readFileSync(join(FIXTURES, fixture)),
});

describe('the audit log names no folder or file the user chose', () => {
  it('a data package written to a folder named after the person is logged by its files’ hashes', async () => {
    const { register, dir, folder, ääritapaus } = await setup();
    let written: Awaited<ReturnType<typeof writeSubjectPackage>> | undefined;
    const rows = await rowsWrittenBy(register, async () => {
      written = await writeSubjectPackage(register, { personId: ääritapaus, folder });
    });
    expectNoPathOrName(rows, dir);
    const hashes = written!.files.map((file) => sha256(readFileSync(join(written!.folder, file.name))));
    expect(detailsOf(rows, 'subject.exported')).toMatchObject({ files: hashes.length, sha256: hashes.join(',') });
  });

  it('an encrypted package is logged by the zip’s hash', async () => {
    const { register, dir, folder, ääritapaus } = await setup();
    let written: Awaited<ReturnType<typeof writeSubjectPackage>> | undefined;
    const rows = await rowsWrittenBy(register, async () => {
      written = await writeSubjectPackage(register, {
        personId: ääritapaus,
        folder,
        password: 'Pitkä-Salasana-Paketille-2026',
      });
    });
    expectNoPathOrName(rows, dir);
    const [zip] = readdirSync(written!.folder).filter((name) => name.endsWith('.zip'));
    expect(detailsOf(rows, 'subject.exported')).toMatchObject({
      files: 1,
      sha256: sha256(readFileSync(join(written!.folder, zip!))),
      encrypted: true,
    });
  });

  it('a request letter saved to a folder named after the person is logged by its files’ hashes', async () => {
    const { register, dir, folder } = await setup();
    const request = receiveRequest(register, {
      type: 'access',
      receivedOn: '2026-11-23',
      channel: 'letter',
      language: 'fi',
      requesterName: NAME,
      requesterContact: 'aaritapaus.kolmas@example.fi',
      body: 'Pyydän saada tietää, mitä tietoja minusta on tallennettu.',
      personIds: [],
    });
    let files: Array<{ name: string }> = [];
    const rows = await rowsWrittenBy(register, async () => {
      files = (await writeRequestDocument(register, request.id, 'reply', folder)).files;
    });
    expectNoPathOrName(rows, dir);
    const hashes = files.map((file) => sha256(readFileSync(join(folder, file.name))));
    expect(hashes).toHaveLength(2);
    expect(detailsOf(rows, 'request.document_written')).toEqual({ kind: 'reply', files: 2, sha256: hashes.join(',') });
  });

  it('an import of a file named after a person is logged by the file’s hash, previewed, run or stopped', async () => {
    const { register, dir } = await setup();
    const good = importFile('asiakkaat-excel-fi.csv', `${NAME}.csv`);
    const broken = importFile('asiakkaat-rikki.csv', `${NAME} (rikki).csv`);
    const preview = await rowsWrittenBy(register, () =>
      previewImport(register, { format: 'csv', files: [good] }, 'fi'),
    );
    expectNoPathOrName(preview, dir);
    expect(detailsOf(preview, 'import.previewed')).toMatchObject({ files: 1, sha256: sha256(good.bytes) });

    const run = await rowsWrittenBy(register, () =>
      runImport(register, { format: 'csv', files: [good] }, { badRows: 'stop', conflicts: 'choose' }, 'fi'),
    );
    expectNoPathOrName(run, dir);
    expect(detailsOf(run, 'import.run')).toMatchObject({ files: 1, sha256: sha256(good.bytes) });

    const stopped = await rowsWrittenBy(register, () =>
      runImport(register, { format: 'csv', files: [broken, good] }, { badRows: 'stop', conflicts: 'choose' }, 'fi'),
    );
    expectNoPathOrName(stopped, dir);
    expect(detailsOf(stopped, 'import.stopped')).toMatchObject({
      files: 2,
      sha256: `${sha256(broken.bytes)},${sha256(good.bytes)}`,
    });
  });

  it('mailing lists, labels, the contacts table and the audit CSV are logged with the file’s hash', async () => {
    const { register } = await setup();
    const cases: Array<[string, () => Promise<Uint8Array | string>]> = [
      [
        'export.mailing_list',
        async () => mailingList(register, { channel: 'post', purpose: 'listing' }, 'fi').file.bytes,
      ],
      ['export.labels', async () => (await addressLabels(register, {}, 'fi')).file.bytes],
      ['export.table', async () => (await tableExport(register, {}, 'csv', 'fi')).file.bytes],
      ['audit.exported', async () => auditCsv(register, {}).csv],
    ];
    for (const [action, write] of cases) {
      let content: Uint8Array | string = '';
      const rows = await rowsWrittenBy(register, async () => {
        content = await write();
      });
      expectNoPathOrName(rows);
      expect(detailsOf(rows, action), action).toMatchObject({ sha256: sha256(content) });
    }
  });

  // Already so when this was written (their files have names Kaappi makes); kept so it stays so.
  it('notices and a backup written to a folder named after a person keep the folder out of the log', async () => {
    const { register, dir, folder } = await setup();
    expectNoPathOrName(await rowsWrittenBy(register, () => writeNoticeFiles(register, 'notice', folder)), dir);
    expectNoPathOrName(await rowsWrittenBy(register, () => writeNoticeFiles(register, 'record', folder)), dir);
    expectNoPathOrName(await rowsWrittenBy(register, () => backupNow(register, folder, '0.1.0')), dir);
  });

  it('after the person is erased, nothing in the log names them, though files were named after them', async () => {
    const { register, dir, folder, ääritapaus } = await setup();
    await writeSubjectPackage(register, { personId: ääritapaus, folder });
    await previewImport(
      register,
      { format: 'csv', files: [importFile('asiakkaat-excel-fi.csv', `${NAME}.csv`)] },
      'fi',
    );
    const erased = erasePersons(
      register,
      { personIds: [ääritapaus], reason: 'request', action: 'delete' },
      readSettings(register),
    );
    expect(erased.erased).toEqual([ääritapaus]);
    expectNoPathOrName(listAudit(register.db, 10_000), dir);
  });
});
