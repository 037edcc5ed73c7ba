// `kaappi notice` as a user runs it: the real command in a child process on a real encrypted
// register set up with a seed's preset, writing the privacy notice as PDF and HTML.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src-main/core/audit';
import { ManualClock } from '../../src-main/core/clock';
import { noticeStatus } from '../../src-main/core/notice';
import { OWNER, READER, STAFF } from '../fixtures/register';
import { applySeedNotice, type SeedNoticeId } from '../fixtures/seed-notices';
import { commandAs, foldersForThisFile, openAsOwner, registerOnDisk } from './cli-register';

const newFolder = foldersForThisFile('kaappi-cli-notice-');

async function registerWithPreset(presetId: SeedNoticeId) {
  const dir = newFolder();
  const path = await registerOnDisk(dir, {
    clock: new ManualClock(new Date()),
    fill: (register) => applySeedNotice(register, presetId),
    users: [STAFF, READER],
  });
  const as = (user: typeof OWNER, env: Record<string, string> = {}) => commandAs(path, user, env, ['notice']);
  return { dir, path, owner: as(OWNER), staff: as(STAFF), reader: as(READER), as };
}

describe('kaappi notice', () => {
  it('writes the Finnish notice as PDF, with the seed’s headings, and records it as generated', async () => {
    const { dir, path, staff } = await registerWithPreset('wellflix');
    const out = join(dir, 'seloste', 'tietosuojaseloste.pdf');
    const result = await staff('--lang', 'fi', '--format', 'pdf', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Wellflix's notice says data may leave the EU "when technically necessary": no choice made yet.
    expect(result.stdout).toMatch(
      new RegExp(
        `^Privacy notice written: ${out} \\(\\d+ bytes\\)\\nThe notice still lacks:\\n` +
          '  whether data is transferred outside the EU/EEA \\(not chosen yet\\)\\n$',
      ),
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const heading of [
      'Tietosuojaseloste',
      'Rekisterinpitäjä',
      'Wellflix Oy',
      'Henkilötietojen käsittelyn tarkoitus',
      'Rekisterin tietosisältö',
      'Henkilötietojen säilyttämisaika',
      'Rekisterin suojauksen periaatteet B: Sähköinen aineisto',
      'Oikeus tehdä valitus valvontaviranomaiselle',
      'Evästeet',
    ]) {
      expect(text).toContain(heading);
    }
    const register = await openAsOwner(path);
    try {
      expect(noticeStatus(register).outOfDate).toBe(false);
      const entry = listAudit(register.db, 5).find((row) => row.action === 'notice.generated');
      expect(JSON.parse(entry!.details)).toEqual({ languages: 'fi', formats: 'pdf', files: 1 });
    } finally {
      register.close();
    }
  });

  it('writes English HTML, the format taken from the file name, and lists what the notice still lacks', async () => {
    const { dir, owner } = await registerWithPreset('kehobalanssi');
    const out = join(dir, 'privacy-notice.html');
    const result = await owner('--lang', 'en', '--out', out);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Right to data portability</h2>');
    expect(html).toContain('<p>• Previous orders</p>');
    expect(result.stdout).toContain('The notice still lacks:');
    expect(result.stdout).toContain('a retention period');
    expect(result.stdout).toContain('the safeguard of a transfer outside the EU/EEA');
  });

  it('writes the Art. 30 record for the owner only', async () => {
    const { dir, owner, staff } = await registerWithPreset('hehku-business');
    const out = join(dir, 'seloste-kasittelytoimista.html');
    const refused = await staff('--record', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^kaappi: .+\n$/);
    expect(existsSync(out)).toBe(false);
    const result = await owner('--record', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Record of processing activities written');
    expect(readFileSync(out, 'utf8')).toContain('<h1>Seloste käsittelytoimista</h1>');
  });

  it('refuses a read-only user, and a language or format it does not know as a usage error', async () => {
    const { dir, reader, owner } = await registerWithPreset('wellflix');
    const out = join(dir, 'notice.pdf');
    const refused = await reader('--out', out);
    expect(refused.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await owner('--lang', 'sv', '--out', out)).code).toBe(2);
    const noFormat = await owner('--out', join(dir, 'notice.txt'));
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('--format');
  });
});
