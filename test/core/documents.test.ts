// Documents main writes: the fi and en catalogs, the refusal certificate and request letters built
// from requests in a real register, and the HTML and PDF renderers (read back with pdftotext).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  catalogs,
  DOCUMENT_STYLE_CSP_SOURCE,
  printable,
  renderHtml,
  renderPdf,
  type DocumentModel,
} from '../../src-main/core/documents';
import { createPerson } from '../../src-main/core/persons';
import {
  completeRequest,
  extendDeadline,
  getRequest,
  receiveRequest,
  refusalCertificate,
  refuseRequest,
  requestLetter,
  startRequest,
  verifyIdentity,
  type NewRequest,
} from '../../src-main/core/requests';
import { updateRegisterProfile } from '../../src-main/core/settings';
import { writeSubjectPackage } from '../../src-main/core/subject-package';
import { person } from '../fixtures/people';
import { MASSAGE_BUSINESS_PROFILE } from '../fixtures/profile';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import type { Language } from '../../src-shared/language';

const TODAY = '2026-11-23';
/** The business whose letters these are. */
const PROFILE = MASSAGE_BUSINESS_PROFILE;

async function registerWithRequests() {
  const created = await registerForThisTest();
  const out = tempDirForThisTest('kaappi-documents-');
  const { register } = created;
  updateRegisterProfile(register, PROFILE);
  const väinö = createPerson(
    register,
    person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino@example.fi' }),
  ).id;
  const receive = (input: Partial<NewRequest>) =>
    receiveRequest(register, {
      type: 'access',
      receivedOn: TODAY,
      channel: 'email',
      language: 'fi',
      requesterName: 'Väinö Jääskeläinen',
      requesterContact: 'vaino@example.fi',
      body: '',
      personIds: [väinö],
      ...input,
    });
  const inProgress = (id: number) => {
    verifyIdentity(register, id, { means: 'signed_letter' });
    return startRequest(register, id);
  };
  return { ...created, out, väinö, receive, inProgress };
}

function pdfText(pdf: Buffer, dir: string): string {
  const path = join(dir, `document-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** Text of a document with its layout collapsed, so a phrase wrapped across lines still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the document catalogs', () => {
  it('have the same keys in Finnish and English, and the same parameters in each text', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.fi).sort());
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogs.fi) as Array<keyof typeof catalogs.fi>) {
      expect(catalogs.en[key].trim(), key).not.toBe('');
      expect(params(catalogs.en[key]), key).toEqual(params(catalogs.fi[key]));
    }
  });
});

describe('the written certificate of refusal', () => {
  const REASONS: Record<Language, string> = {
    fi: 'Kirjanpitolaki velvoittaa säilyttämään laskut 31.12.2032 asti.',
    en: 'The Finnish Accounting Act requires invoices to be kept until 31 December 2032.',
  };

  for (const language of ['fi', 'en'] as const) {
    it(`in ${language} says what was refused and why, and how to reach the Data Protection Ombudsman, in HTML and PDF`, async () => {
      const { register, receive, out } = await registerWithRequests();
      const received = receive({ type: 'erasure', language });
      const refused = refuseRequest(register, received.id, { reason: REASONS[language] });
      const certificate = refusalCertificate({
        profile: PROFILE,
        request: refused,
        today: TODAY,
        language,
        reasons: [REASONS[language]],
      });

      const html = renderHtml(certificate, language);
      const pdf = flat(pdfText(await renderPdf(certificate), out));
      const expected = {
        fi: ['Kirjallinen todistus pyynnön epäämisestä', 'poistopyyntö', 'kokonaan', 'Tietosuojavaltuutetun toimisto'],
        en: ['Written certificate of refusal', 'erasure request', 'in full', 'Office of the Data Protection Ombudsman'],
      }[language];
      for (const text of [
        ...expected,
        REASONS[language],
        'PL 800, 00521 Helsinki',
        'tietosuoja@om.fi',
        'www.tietosuoja.fi',
        'Hyvän Olon Hieronta Mäkinen',
      ]) {
        expect(pdf, text).toContain(text);
        expect(html, text).toContain(text);
      }
      expect(html).toContain(`<html lang="${language}">`);
    });
  }

  it('says "in part" when the request was refused in part, and falls back to the recorded reason', async () => {
    const { register, receive } = await registerWithRequests();
    const refused = refuseRequest(register, receive({ type: 'erasure' }).id, { reason: 'Avoin lasku.' });
    const certificate = refusalCertificate({
      profile: PROFILE,
      request: { ...refused, refusedInPart: true },
      today: TODAY,
      language: 'fi',
      reasons: [],
    });
    const html = renderHtml(certificate, 'fi');
    expect(html).toContain('osittain');
    expect(html).toContain('Avoin lasku.');
  });
});

describe('the reply letter to a request', () => {
  it('acknowledges an open request with its deadline, and gives the extension notice once the time is extended', async () => {
    const { register, receive } = await registerWithRequests();
    const received = receive({ type: 'rectification', language: 'en' });
    const acknowledgement = renderHtml(
      requestLetter({ profile: PROFILE, request: received, today: TODAY, language: 'en' }),
      'en',
    );
    expect(acknowledgement).toContain(
      'We received your request on 23 November 2026. We will answer it by 23 December 2026',
    );
    expect(acknowledgement).toContain('Dear Väinö Jääskeläinen,');

    const extended = extendDeadline(register, received.id, {
      extendedTo: '2027-02-23',
      reason: 'the request concerns records kept on paper',
      toldOn: TODAY,
    });
    const notice = renderHtml(
      requestLetter({ profile: PROFILE, request: extended, today: TODAY, language: 'en' }),
      'en',
    );
    expect(notice).toContain('because the request concerns records kept on paper');
    expect(notice).toContain('until 23 February 2027');
    expect(notice).toContain('Article 12(3)');
  });

  it('for a completed access request says the package is enclosed, signed by the controller', async () => {
    const { register, receive, inProgress, väinö, out } = await registerWithRequests();
    const request = receive({ type: 'access' });
    inProgress(request.id);
    await writeSubjectPackage(register, { personId: väinö, requestId: request.id, folder: out });
    const completed = completeRequest(register, request.id);
    const letter = requestLetter({
      profile: PROFILE,
      request: completed,
      today: TODAY,
      language: 'fi',
    });
    const text = flat(pdfText(await renderPdf(letter), out));
    expect(text).toContain('Oheisessa tietopaketissa ovat kaikki tiedot');
    expect(text).toContain('Liitteet tietopaketti');
    expect(text).toContain('Hyvä Väinö Jääskeläinen,');
    expect(text).toMatch(/Ystävällisin terveisin Hyvän Olon Hieronta Mäkinen Aino Mäkinen/);
  });

  it('after an erasure says when the data was erased and greets generically, the name having been redacted', async () => {
    const { register, receive, inProgress } = await registerWithRequests();
    const request = receive({ type: 'erasure', language: 'en' });
    inProgress(request.id);
    completeRequest(register, request.id);
    const erased = getRequest(register, request.id);
    expect(erased.requesterName).toBe('');
    const html = renderHtml(requestLetter({ profile: PROFILE, request: erased, today: TODAY, language: 'en' }), 'en');
    expect(html).toContain('Dear Sir or Madam,');
    expect(html).toContain('Your data was erased from our register on 23 November 2026.');
    expect(html).not.toContain('Väinö');
  });

  it('for a refused request points to the enclosed certificate and the right to complain', async () => {
    const { register, receive } = await registerWithRequests();
    const refused = refuseRequest(register, receive({ type: 'erasure' }).id, { reason: 'Avoin lasku.' });
    const html = renderHtml(requestLetter({ profile: PROFILE, request: refused, today: TODAY, language: 'fi' }), 'fi');
    expect(html).toContain('Emme voi toteuttaa pyyntöänne.');
    expect(html).toContain('kirjallinen todistus pyynnön epäämisestä');
    expect(html).toContain('tietosuoja@om.fi');
  });
});

describe('the renderers', () => {
  it('escape every text in HTML, so a note cannot inject markup', () => {
    const doc: DocumentModel = {
      title: '<b>T</b>',
      meta: ['"m"'],
      blocks: [{ kind: 'table', columns: ['<c>'], rows: [['<script>alert(1)</script> & ä']] }],
      empty: '—',
    };
    const html = renderHtml(doc, 'fi');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; ä');
    expect(html).toContain('&lt;b&gt;T&lt;/b&gt;');
  });

  it('wrap a long table over A4 pages with the header on each page and every row kept', async () => {
    const dir = tempDirForThisTest('kaappi-pdf-');
    const rows = Array.from({ length: 180 }, (_, i) => [
      `rivi ${i + 1}`,
      `Jääskeläinen ${'pitkä teksti '.repeat(i % 9)}`,
    ]);
    rows.push(['pitkä', 'sana '.repeat(2_000)]); // one cell longer than a page: split, not lost
    rows.push(['token', 'x'.repeat(20_000)]); // one word wider than many lines: broken inside, quickly
    rows.push(['viimeinen', 'Ömmö']);
    const pdf = await renderPdf({
      title: 'Taulukko',
      meta: [],
      blocks: [{ kind: 'table', columns: ['Otsake A', 'Otsake B'], rows }],
      empty: '—',
    });
    const text = pdfText(pdf, dir);
    const pages = Number(/1\s*\/\s*(\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text.match(/Otsake A/g)?.length).toBe(pages);
    for (const row of ['rivi 1', 'rivi 180', 'viimeinen', 'Ömmö']) expect(text).toContain(row);
    expect(text.match(/sana/g)?.length).toBe(2_000);
    expect(text.replace(/[^x]/g, '')).toHaveLength(20_000);
  });

  it('keeps every word of a narrow column whole, header included', async () => {
    const dir = tempDirForThisTest('kaappi-pdf-');
    const columns = ['Pyyntö', 'Saapui', 'Määräpäivä', 'Tila', 'Käsitelty', 'Ratkaisu'];
    const outcome =
      'Tiedot annettiin sähköisesti salasanalla suojattuna tietopakettina, jonka salasana kerrottiin puhelimessa. '.repeat(
        2,
      );
    const rows = [
      [
        'tarkastuspyyntö (oikeus saada pääsy tietoihin) (12)',
        '15.3.2026',
        '15.4.2026',
        'käsitelty',
        '2.4.2026',
        outcome,
      ],
      ['poistopyyntö (13)', '1.10.2026', '1.11.2026', 'kesken', '', ''],
    ];
    const text = pdfText(
      await renderPdf({ title: 'Pyynnöt', meta: [], blocks: [{ kind: 'table', columns, rows }], empty: '—' }),
      dir,
    );
    const words = text.split(/\s+/);
    for (const word of [...columns, 'tarkastuspyyntö', 'sähköisesti', '15.4.2026', '1.10.2026', 'poistopyyntö']) {
      expect(words, word).toContain(word);
    }
  });

  it('style previews in the window: the style block’s hash is what both window policies allow', () => {
    const html = renderHtml({ title: 'T', meta: [], blocks: [], empty: '—' }, 'fi');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(DOCUMENT_STYLE_CSP_SOURCE).toBe(hash);
    // index.html is static: if the style changes, put the new hash (printed by this test) there.
    const indexHtml = readFileSync(join(process.cwd(), 'src-renderer/index.html'), 'utf8');
    expect(/style-src ([^;]*);/.exec(indexHtml)![1]!.split(' ')).toContain(hash);
    const window = readFileSync(join(process.cwd(), 'src-main/platform/window.ts'), 'utf8');
    expect(window).toMatch(/style-src 'self' \$\{DOCUMENT_STYLE_CSP_SOURCE\}/);
  });

  it('print names as they are written (Polish, Czech, Cyrillic, Swedish, €), a letter the font lacks as ?', async () => {
    const dir = tempDirForThisTest('kaappi-pdf-');
    const names = 'Łukasz Čapek, Ольга Иванова, Åsa Öberg, Ngũgĩ, 5 €';
    const pdf = await renderPdf({
      title: 'Nimet',
      meta: [],
      blocks: [
        { kind: 'paragraph', text: names },
        { kind: 'keyValues', rows: [['Nimi', '山田 Tarō']] },
      ],
      empty: '—',
    });
    const text = pdfText(pdf, dir);
    expect(text).toContain(names);
    expect(text).toContain('?? Tarō');
    expect(printable('a\tb\u0007c')).toBe('a b c');
  });
});
