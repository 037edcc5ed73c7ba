// The data-subject package, written from a real encrypted register to real files: what it holds,
// that it validates against the shipped schema, that its PDF renders and reads, that the
// encrypted zip opens with the password only, that SHA256SUMS checks, and what the audit log keeps.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { recordConsents } from '../../src-main/core/consents';
import { addCustomField } from '../../src-main/core/lists';
import { createOrganization } from '../../src-main/core/organizations';
import {
  addContact,
  addInterest,
  addOrder,
  createPerson,
  moveToOrganization,
  personDetail,
  setCustomValue,
  updatePerson,
} from '../../src-main/core/persons';
import { receiveRequest } from '../../src-main/core/requests';
import { updateRegisterProfile } from '../../src-main/core/settings';
import { gatherSubjectData, subjectPackageJsonSchema, writeSubjectPackage } from '../../src-main/core/subject-package';
import { SCHEMA_FILE } from '../../src-main/core/subject-package/schema-file';
import { organization, person } from '../fixtures/people';
import { MASSAGE_BUSINESS_PROFILE } from '../fixtures/profile';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';

const PACKAGE_PASSWORD = 'Kuusi-Kissaa-Katolla-77';
const TODAY = '2026-11-23'; // the fixture clock's date

/** Väinö, with something in every part of the register, and Kerttu, whose data must stay out. */
async function registerWithVäinö() {
  const created = await registerForThisTest();
  const out = tempDirForThisTest('kaappi-package-out-');
  const { register } = created;
  updateRegisterProfile(register, {
    ...MASSAGE_BUSINESS_PROFILE,
    purposes: { fi: 'Asiakassuhteen hoito ja ajanvaraus.', en: 'Managing the customer relationship and bookings.' },
  });
  const hehku = createOrganization(register, organization());
  const väinö = createPerson(
    register,
    person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino.jaaskelainen@example.fi' }),
  ).id;
  const kerttu = createPerson(
    register,
    person({ firstName: 'Kerttu', lastName: 'Hölttä', email: 'kerttu.holtta@example.fi', phone: '+358409998887' }),
  ).id;
  moveToOrganization(register, [väinö], { organizationId: hehku.id, title: 'Hyvinvointivastaava' });
  recordConsents(register, väinö, [
    { subject: 'email', granted: true, method: 'form', evidence: 'Haluan uutiskirjeen; voin perua sen milloin vain.' },
    { subject: 'ban_research', granted: true, method: 'email', evidence: 'Ei tutkimuksia, kiitos.' },
  ]);
  addOrder(register, väinö, {
    orderedOn: '2026-11-02',
    description: 'Hierontasarja 5 × 60 min',
    amountCents: 32_500,
    invoiceStatus: 'paid',
  });
  addContact(register, väinö, {
    occurredOn: '2026-11-10',
    channel: 'phone',
    kind: 'feedback',
    summary: 'Kiitti hieronnasta, toivoo iltapäiväaikoja.',
  });
  addInterest(register, [väinö], 'kuumakivihieronta');
  addCustomField(register, { key: 'allergies', labelFi: 'Allergiat', labelEn: 'Allergies', type: 'text', choices: [] });
  setCustomValue(register, väinö, 'allergies', 'Pähkinäöljy');
  // Kerttu's own data, which must not appear in Väinö's package.
  addOrder(register, kerttu, {
    orderedOn: '2026-11-05',
    description: 'Kertun lahjakortti',
    amountCents: 5_000,
    invoiceStatus: 'open',
  });
  recordConsents(register, kerttu, [
    { subject: 'sms', granted: true, method: 'in_person', evidence: 'Kertun suostumus tekstiviesteihin' },
  ]);
  const request = receiveRequest(register, {
    type: 'access',
    receivedOn: TODAY,
    channel: 'email',
    language: 'fi',
    requesterName: 'Väinö Jääskeläinen',
    requesterContact: 'vaino.jaaskelainen@example.fi',
    body: 'Pyydän saada kaikki tietoni.',
    personIds: [väinö],
  });
  const kerttusRequest = receiveRequest(register, {
    type: 'erasure',
    receivedOn: TODAY,
    channel: 'letter',
    language: 'fi',
    requesterName: 'Kerttu Hölttä',
    requesterContact: 'kerttu.holtta@example.fi',
    body: '',
    personIds: [kerttu],
  });
  personDetail(register, väinö); // a view, which the package's processing trail must show
  return { ...created, out, väinö, kerttu, requestId: request.id, kerttusRequestId: kerttusRequest.id };
}

const KERTTU_TRACES = ['Kerttu', 'Hölttä', 'kerttu.holtta', 'lahjakortti', '358409998887'];

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describe('the subject package', () => {
  it('holds every part of the person’s data, valid against the committed JSON Schema', async () => {
    const { register, out, väinö, requestId } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, requestId, folder: out });

    expect(written.files.map((f) => f.name)).toEqual([
      'data.json',
      'henkilötiedot.csv',
      'organisaatiot.csv',
      'suostumukset.csv',
      'tilaukset.csv',
      'yhteydenotot.csv',
      'muut-tiedot.csv',
      'pyynnöt.csv',
      'käsittelyloki.csv',
      'raportti.html',
      'raportti.pdf',
    ]);
    const data = JSON.parse(readFileSync(join(written.folder, 'data.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
    // The same validator refuses a package with a part missing, so the check above means something.
    expect(validate({ ...data, orders: undefined })).toBe(false);

    expect(data.person).toMatchObject({ firstName: 'Väinö', lastName: 'Jääskeläinen', language: 'fi' });
    expect(data.person).not.toHaveProperty('id');
    expect(data.relationshipKind.key).toBe('customer');
    expect(data.source.key).toBe('booking');
    expect(data.employments).toMatchObject([
      {
        organization: { name: 'Hehku Wellness Oy', businessId: '2900263-2' },
        title: 'Hyvinvointivastaava',
        endedOn: null,
      },
    ]);
    expect(data.consents.history).toHaveLength(2);
    expect(data.consents.history[0]).toMatchObject({ recordedBy: 'Aino Mäkinen', method: expect.any(String) });
    expect(data.consents.current.map((c: { subject: string }) => c.subject).sort()).toEqual(['ban_research', 'email']);
    expect(data.orders).toMatchObject([{ description: 'Hierontasarja 5 × 60 min', amountCents: 32_500 }]);
    expect(data.contacts).toMatchObject([{ kind: 'feedback', summary: 'Kiitti hieronnasta, toivoo iltapäiväaikoja.' }]);
    expect(data.interests).toEqual(['kuumakivihieronta']);
    expect(data.customFields).toEqual([
      { key: 'allergies', label: { fi: 'Allergiat', en: 'Allergies' }, type: 'text', value: 'Pähkinäöljy' },
    ]);
    expect(data.requests).toMatchObject([{ id: requestId, type: 'access', status: 'received', dueOn: '2026-12-23' }]);
    expect(data.requestId).toBe(requestId);
    const actions = data.processing.map((p: { action: string }) => p.action);
    expect(actions).toEqual(expect.arrayContaining(['person.created', 'consent.recorded', 'person.viewed']));
    expect(data.processing.find((p: { action: string }) => p.action === 'person.viewed').actor).toBe('Aino Mäkinen');
    expect(data.controller).toMatchObject({
      name: 'Hyvän Olon Hieronta Mäkinen',
      contactPerson: { name: 'Aino Mäkinen' },
    });
    expect(data.purposes.fi).toBe('Asiakassuhteen hoito ja ajanvaraus.');
    expect(data.supervisoryAuthority.email).toBe('tietosuoja@om.fi');
  });

  it('tells when each retention rule would make the person due, and what holds them now', async () => {
    const { register, väinö } = await registerWithVäinö();
    const { retention, person: väinöNow } = gatherSubjectData(register, väinö);
    // The default inactive rule: five years from the last activity (the contact on 2026-11-10
    // moved it no further than the creation day, 2026-11-23).
    expect(retention.policies).toContainEqual(
      expect.objectContaining({ rule: 'inactive', countsFrom: väinöNow.lastActivityOn, dueOn: '2031-11-23' }),
    );
    expect(retention.holds.map((h) => h.kind).sort()).toEqual(['billing_retention', 'contact_person', 'open_request']);
    expect(retention.holds.find((h) => h.kind === 'billing_retention')?.until).toBe('2032-12-31');
  });

  it('keeps the other persons’ data out of every file', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, folder: out });
    for (const file of written.files) {
      const path = join(written.folder, file.name);
      const content = file.name.endsWith('.pdf') ? pdfText(path) : readFileSync(path, 'utf8');
      for (const trace of KERTTU_TRACES) expect(content, `${file.name} mentions ${trace}`).not.toContain(trace);
    }
    // The check reads what it claims to: Väinö himself is in every text file of his package.
    expect(readFileSync(join(written.folder, 'henkilötiedot.csv'), 'utf8')).toContain('Jääskeläinen');
  });

  it('renders the report PDF to images and reads back the full name with ä and ö intact', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, folder: out });
    const pdf = join(written.folder, 'raportti.pdf');
    const images = join(out, 'pages');
    mkdirSync(images);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, join(images, 'page')]);
    const pages = readdirSync(images).filter((name) => name.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(statSync(join(images, page)).size).toBeGreaterThan(1000);
    const text = pdfText(pdf);
    expect(text).toContain('Väinö Jääskeläinen');
    expect(text).toContain('Pähkinäöljy');
    expect(text).toContain('325,00 €');
    expect(text).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
    const html = readFileSync(join(written.folder, 'raportti.html'), 'utf8');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Väinö Jääskeläinen');
  });

  it('writes CSV that Finnish Excel reads: BOM, semicolons, quoted fields that contain one', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, folder: out });
    const consents = readFileSync(join(written.folder, 'suostumukset.csv'), 'utf8');
    expect(consents.split('\r\n')[0]).toBe(
      '\uFEFFAsia;Annettu (true) vai peruttu (false);Tapa;Peruste ja teksti;Alkaen;Kirjattu;Kirjaaja',
    );
    expect(consents).toContain(';"Haluan uutiskirjeen; voin perua sen milloin vain.";');
    expect(consents.trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('names the files and heads the CSV columns in the person’s language', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    updatePerson(register, väinö, { language: 'en' });
    const written = await writeSubjectPackage(register, { personId: väinö, folder: out });
    expect(written.files.map((f) => f.name)).toEqual([
      'data.json',
      'personal-details.csv',
      'organizations.csv',
      'consents.csv',
      'orders.csv',
      'contacts.csv',
      'other-details.csv',
      'requests.csv',
      'processing-log.csv',
      'report.html',
      'report.pdf',
    ]);
    const person = readFileSync(join(written.folder, 'personal-details.csv'), 'utf8').split('\r\n');
    expect(person[0]).toMatch(/^\uFEFFIdentifier;First name;Last name;Job title;Phone;Email;/);
    expect(person[1]).toContain(';Väinö;Jääskeläinen;');
    // The values stay data.json's codes, so a program can read either file the same way.
    const orders = readFileSync(join(written.folder, 'orders.csv'), 'utf8').split('\r\n');
    expect(orders[0]).toBe('\uFEFFNumber;Date;Description;Amount (cents);Invoice;Recorded');
    expect(orders[1]).toMatch(/;32500;/);
  });

  it('names the folder without personal data, never overwrites, and writes files only the owner can read', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    const first = await writeSubjectPackage(register, { personId: väinö, folder: out });
    const uid = gatherSubjectData(register, väinö).person.uid.replace(/-/g, '');
    expect(first.folder).toBe(join(out, `kaappi-subject-${uid.slice(0, 8)}-${TODAY}`));
    // A crash leaves a .partial folder behind: it is neither reused nor taken for a package.
    mkdirSync(join(out, `kaappi-subject-${uid.slice(0, 8)}-${TODAY}-2.partial`));
    const second = await writeSubjectPackage(register, { personId: väinö, folder: out });
    expect(second.folder).toBe(join(out, `kaappi-subject-${uid.slice(0, 8)}-${TODAY}-3`));
    expect(readdirSync(out).filter((name) => name.endsWith('.partial'))).toHaveLength(1);
    for (const file of [...second.files.map((f) => f.name), 'SHA256SUMS']) {
      expect(statSync(join(second.folder, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(existsSync(join(first.folder, 'data.json'))).toBe(true);
  });

  it('writes SHA256SUMS that sha256sum -c accepts, and that catches a changed byte', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, folder: out });
    const check = () =>
      spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: written.folder, encoding: 'utf8' });
    const ok = check();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(written.files.length);
    const path = join(written.folder, 'tilaukset.csv');
    const bytes = readFileSync(path);
    bytes[bytes.length - 3]! ^= 1;
    writeFileSync(path, bytes);
    expect(check().status).not.toBe(0);
  });

  it('audits the export with what and which request, by the files’ hashes, without the person’s name or the folder', async () => {
    const { register, out, väinö, requestId } = await registerWithVäinö();
    const written = await writeSubjectPackage(register, { personId: väinö, requestId, folder: out });
    const entry = listAudit(register.db, 20).find((row) => row.action === 'subject.exported');
    expect(entry).toMatchObject({ targetType: 'person', targetId: String(väinö), actorUserId: register.user.id });
    expect(JSON.parse(entry!.details)).toMatchObject({
      requestId,
      files: written.files.length,
      sha256: written.files.map((f) => f.sha256).join(','),
      encrypted: false,
      orders: 1,
      consents: 2,
    });
    const row = JSON.stringify(entry);
    for (const personal of ['Väinö', 'Jääskeläinen', 'vaino', '358401234567', out]) expect(row).not.toContain(personal);
  });

  it('refuses a request id that concerns someone else, and writes nothing', async () => {
    const { register, out, väinö, kerttusRequestId } = await registerWithVäinö();
    await expect(
      writeSubjectPackage(register, { personId: väinö, requestId: kerttusRequestId, folder: out }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the encrypted subject package', () => {
  async function encryptedPackage() {
    const setup = await registerWithVäinö();
    const written = await writeSubjectPackage(setup.register, {
      personId: setup.väinö,
      folder: setup.out,
      password: PACKAGE_PASSWORD,
    });
    return { ...setup, written, zipPath: join(written.folder, written.files[0]!.name) };
  }

  async function entries(zipPath: string): Promise<FileEntry[]> {
    const reader = new ZipReader(new Uint8ArrayReader(readFileSync(zipPath)), { useWebWorkers: false });
    const all = await reader.getEntries();
    await reader.close();
    return all.filter((entry): entry is FileEntry => !entry.directory);
  }

  it('is one AES-256 zip that opens with the password and holds the whole package', async () => {
    const { written, zipPath } = await encryptedPackage();
    expect(written.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^kaappi-subject-[0-9a-f]{8}-2026-11-23\.zip$/),
    ]);
    const inside = await entries(zipPath);
    expect(inside.map((e) => e.filename)).toEqual(expect.arrayContaining(['raportti.pdf', 'SHA256SUMS']));
    expect(inside.every((e) => e.encrypted)).toBe(true);
    const dataEntry = inside.find((e) => e.filename === 'data.json')!;
    const json = await dataEntry.getData(new Uint8ArrayWriter(), { password: PACKAGE_PASSWORD, useWebWorkers: false });
    expect(JSON.parse(Buffer.from(json).toString('utf8')).person.lastName).toBe('Jääskeläinen');
    // Nothing personal is readable in the zip's bytes (file names inside are ours, not the person's).
    const raw = readFileSync(zipPath);
    for (const personal of ['Jääskeläinen', 'Jaaskelainen', 'vaino']) expect(raw.includes(personal)).toBe(false);
  });

  it('cannot be read without the password, or with a wrong one', async () => {
    const { zipPath } = await encryptedPackage();
    const dataEntry = (await entries(zipPath)).find((e) => e.filename === 'data.json')!;
    await expect(dataEntry.getData(new Uint8ArrayWriter(), { useWebWorkers: false })).rejects.toThrow();
    await expect(
      dataEntry.getData(new Uint8ArrayWriter(), { password: 'Väärä-Salasana-123', useWebWorkers: false }),
    ).rejects.toThrow();
  });

  const has7z = spawnSync('7z', ['i'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!has7z)('opens in 7-Zip with the password as WinZip AES-256, and not without it', async () => {
    const { zipPath, out } = await encryptedPackage();
    const listing = execFileSync('7z', ['l', '-slt', `-p${PACKAGE_PASSWORD}`, zipPath], { encoding: 'utf8' });
    expect(listing).toContain('Method = AES-256');
    // Unpacked, the files check against the SHA256SUMS that travels inside the zip.
    const unpacked = join(out, 'unpacked');
    execFileSync('7z', ['x', `-p${PACKAGE_PASSWORD}`, `-o${unpacked}`, zipPath], { encoding: 'utf8' });
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: unpacked, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const tested = spawnSync('7z', ['t', `-p${PACKAGE_PASSWORD}`, zipPath], { encoding: 'utf8' });
    expect(tested.status, tested.stdout).toBe(0);
    expect(tested.stdout).toContain('Everything is Ok');
    const wrong = spawnSync('7z', ['t', '-pwrong-password', zipPath], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
  });

  it('refuses a weak password and writes nothing', async () => {
    const { register, out, väinö } = await registerWithVäinö();
    await expect(
      writeSubjectPackage(register, { personId: väinö, folder: out, password: 'vaino123' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the committed JSON Schema', () => {
  it('equals the one generated from the zod schema (run npm run schema:subject-package after a change)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(subjectPackageJsonSchema());
  });

  it('documents every property', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string') undocumented.push(`${path}.${name}`);
        walk(property, `${path}.${name}`);
      }
      for (const key of ['items', 'anyOf'] as const) {
        const child = schema[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
        else walk(child, `${path}.${key}`);
      }
    };
    walk(subjectPackageJsonSchema(), '$');
    expect(undocumented).toEqual([]);
  });
});
