// Every file Kaappi writes out of the register holds personal data and is its owner's alone (0600),
// under the usual umask of 022, also where it replaces an older file or is saved as a download.
import { EventEmitter } from 'node:events';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNoticeFile, writeNoticeFiles } from '../../src-main/core/notice';
import { createPerson } from '../../src-main/core/persons';
import { receiveRequest, writeRequestDocument } from '../../src-main/core/requests';
import { writeSubjectPackage } from '../../src-main/core/subject-package';
import { keepDownloadsPrivate, type DownloadingSession } from '../../src-main/platform/downloads';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let umaskBefore = 0;
beforeAll(() => {
  // The vitest pool is 'forks': each test file is its own process, with its own umask.
  umaskBefore = process.umask(0o022);
});
afterAll(() => process.umask(umaskBefore));

describe.skipIf(process.platform === 'win32')('files Kaappi writes are its owner’s alone', () => {
  it('a request letter saved over an older copy of itself is 0600, whatever mode that copy had', async () => {
    const { register, dir } = await registerForThisTest();
    const request = receiveRequest(register, {
      type: 'access',
      receivedOn: '2026-11-23',
      channel: 'letter',
      language: 'fi',
      requesterName: 'Väinö Jääskeläinen',
      requesterContact: 'vaino.jaaskelainen@example.fi',
      body: 'Pyydän saada tietää, mitä tietoja minusta on tallennettu.',
      personIds: [],
    });
    const first = await writeRequestDocument(register, request.id, 'reply', dir);
    for (const file of first.files) expect(modeOf(join(dir, file.name)), file.name).toBe(0o600);
    // As an earlier version of Kaappi, or a copy tool, may have left them.
    for (const file of first.files) chmodSync(join(dir, file.name), 0o644);
    const again = await writeRequestDocument(register, request.id, 'reply', dir);
    expect(again.files.map((file) => file.name)).toEqual(first.files.map((file) => file.name));
    for (const file of again.files) expect(modeOf(join(dir, file.name)), file.name).toBe(0o600);
  });

  it('the notice and the record of processing, to a folder or to one file, are 0600', async () => {
    const { register, dir } = await registerForThisTest();
    const folder = join(dir, 'seloste');
    await writeNoticeFiles(register, 'notice', folder);
    await writeNoticeFiles(register, 'record', folder);
    const names = readdirSync(folder);
    expect(names).toHaveLength(8);
    for (const name of names) expect(modeOf(join(folder, name)), name).toBe(0o600);
    const one = join(dir, 'tietosuojaseloste.pdf');
    writeFileSync(one, 'vanha');
    await writeNoticeFile(register, { kind: 'notice', language: 'fi', format: 'pdf', path: one });
    expect(modeOf(one)).toBe(0o600);
  });

  // Already so when this was written (test/core/subject-package.test.ts checks the plain package).
  it('an encrypted data package’s zip and SHA256SUMS are 0600 in a folder only the owner opens', async () => {
    const { register, dir } = await registerForThisTest();
    const väinö = createPerson(register, person({ firstName: 'Väinö', lastName: 'Jääskeläinen' })).id;
    const written = await writeSubjectPackage(register, {
      personId: väinö,
      folder: dir,
      password: 'Pitkä-Salasana-Paketille-2026',
    });
    expect(statSync(written.folder).mode & 0o777).toBe(0o700);
    const names = readdirSync(written.folder);
    expect(names.some((name) => name.endsWith('.zip')) && names.includes('SHA256SUMS')).toBe(true);
    for (const name of names) expect(modeOf(join(written.folder, name)), name).toBe(0o600);
  });

  it('a finished download is made 0600; a cancelled one is left as it is', () => {
    const dir = tempDirForThisTest('kaappi-downloads-');
    // Electron's Session and DownloadItem are Node EventEmitters; these emit what Electron does.
    const session = new EventEmitter();
    keepDownloadsPrivate(session as DownloadingSession);
    const download = (name: string, state: 'completed' | 'cancelled') => {
      const path = join(dir, name);
      // As Chromium leaves a finished download: the usual mode.
      writeFileSync(path, 'Email Address,First Name,Last Name\r\n', { mode: 0o644 });
      const item = Object.assign(new EventEmitter(), { getSavePath: () => path });
      session.emit('will-download', {}, item);
      item.emit('done', {}, state);
      return modeOf(path);
    };
    expect(download('postituslista-email-2026-11-23.csv', 'completed')).toBe(0o600);
    expect(download('kesken.csv', 'cancelled')).toBe(0o644);
  });
});
