// The privacy notice printed from the register's settings: for each preset, the Finnish notice
// has every section heading and every data category of its seed notice (the lists below are read
// off the seed files in ../shared/seeds/), the English notice has the same sections, the PDF
// carries them, the notice goes out of date when the register changes and is current again once
// printed, and a person can be told about their registration.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { renderPdf, type Block, type DocumentModel } from '../../src-main/core/documents';
import { addCustomField, addListEntry } from '../../src-main/core/lists';
import {
  informText,
  noticeOutline,
  noticeStatus,
  privacyNotice,
  processingRecord,
  recordInformed,
  resolveNotice,
  updateNoticeSettings,
  writeNoticeFiles,
  NOTICE_SECTIONS,
} from '../../src-main/core/notice';
import { addOrder, createPerson, searchPersons, updatePerson } from '../../src-main/core/persons';
import type { UnlockedRegister } from '../../src-main/core/register';
import { updatePolicy } from '../../src-main/core/retention';
import { DEFAULT_PROFILE, readRegisterProfile, updateSettings } from '../../src-main/core/settings';
import { settings } from '../../src-main/db/schema';
import { persons } from '../../src-main/db/schema-register';
import { person } from '../fixtures/people';
import { registerForThisTest, tempDirForThisTest } from '../fixtures/for-this-test';
import { applySeedNotice, SEED_NOTICES, type SeedNoticeId } from '../fixtures/seed-notices';
import { loadPreset } from '../../src-main/core/presets';
import type { Language } from '../../src-shared/language';

const TODAY = '2026-11-23';

async function registerWith(presetId?: string) {
  const created = await registerForThisTest();
  if (presetId) applySeedNotice(created.register, presetId as SeedNoticeId);
  return created;
}

const headings = (doc: DocumentModel) =>
  doc.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);

/** The blocks under a heading, up to the next heading. */
function sectionBlocks(doc: DocumentModel, heading: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  if (start < 0) return [];
  const next = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return doc.blocks.slice(start + 1, next < 0 ? undefined : next);
}

const blockText = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? b.text
        : b.kind === 'lines'
          ? b.lines.join('\n')
          : b.kind === 'table'
            ? b.rows.flat().join('\n')
            : '',
    )
    .join('\n');

const bulletItems = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === 'lines' ? b.lines.filter((l) => l.startsWith('• ')).map((l) => l.slice(2)) : []));

interface SeedExpectation {
  seed: string;
  preset: string;
  /**
   * Each heading of the seed, with the heading it has in the generated notice. Most are the same
   * words; where they differ, the comment says why.
   */
  headings: Array<[seedHeading: string, noticeHeading: string, mustMention?: string]>;
  /** The data categories the seed lists, word for word. */
  categories: string[];
  /** The categories of data subjects (relationship kinds) the seed names. */
  subjects: string[];
  /** The same categories in the English notice. */
  categoriesEn: string[];
}

const HEHKU_CATEGORIES = [
  'nimi',
  'työnimike',
  'puhelinnumero',
  'sähköpostiosoite',
  'yrityksen yhteystiedot',
  'tieto suoramarkkinointikiellosta',
  'suoramarkkinointitavat',
];
const HEHKU_CATEGORIES_EN = [
  'name',
  'job title',
  'phone number',
  'email address',
  'company contact details',
  'whether direct marketing is prohibited',
  'direct marketing channels',
];

const SEEDS: SeedExpectation[] = [
  {
    seed: '000 Hehku Businessin asiakasrekisteri (19.5.2022)',
    preset: 'hehku-business',
    headings: [
      ['Rekisterin käyttö ja ylläpito', 'Rekisterin käyttö ja ylläpito'],
      ['Rekisterinpitäjä:', 'Rekisterinpitäjä', 'Y-tunnus 2900263-2'],
      ['Rekisteriasioita hoitava henkilö', 'Rekisteriasioita hoitava henkilö', 'Tiina Mustonen'],
      ['Kerätyt henkilötiedot', 'Kerätyt henkilötiedot'],
      // The Personal Data Act (henkilötietolaki) was repealed in 2019; the basis is now the GDPR's.
      ['Käsittelyn peruste henkilötietolaissa', 'Käsittelyn peruste', 'oikeutettujen etujen'],
      ['Keiden tietoja käsittelemme?', 'Keiden tietoja käsittelemme?'],
      ['Rekisteröintiin liittyvä viestintä', 'Rekisteröintiin liittyvä viestintä', 'ensimmäisen yhteydenoton'],
      ['Mistä saamme tiedot?', 'Mistä saamme tiedot?', 'yrityksesi kotisivuilta'],
      ['Kuka muu käsittelee tietojasi?', 'Kuka muu käsittelee tietojasi?', 'Mailchimp'],
      [
        'Järjestelmät joissa käsiteltävät henkilötiedot sijaitsevat',
        'Järjestelmät joissa käsiteltävät henkilötiedot sijaitsevat',
        'Ilmoittautumis- ja palautejärjestelmä',
      ],
      ['Tietojen säilytys', 'Tietojen säilytys'],
      // 10.1–10.3 are paragraphs and rules of the retention section rather than headings of their own.
      ['Tietojen poistaminen henkilön itsensä toimesta', 'Tietojen säilytys', 'poistamalla itsensä postituslistalta'],
      [
        'Tietojen poistaminen Hehku Businessin toimesta',
        'Tietojen säilytys',
        'Jos asiakassuhde ei ole ollut aktiivinen 5 vuoteen, henkilön tiedot poistetaan.',
      ],
      ['Tietojen siirto tai passivointi', 'Tietojen säilytys', 'Passivointipäivä kirjataan'],
      ['Tietojen suojaamisen periaate', 'Tietojen suojaamisen periaate', 'vääriin käsiin'],
      ['Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Google Drive'],
      ['Rekisteröityjen oikeudet henkilötietojenkäsittelyssä', 'Rekisteröityjen oikeudet henkilötietojenkäsittelyssä'],
      ['Evästeet', 'Evästeet', 'www.hehkuwellness.fi'],
      ['Evästeiden käyttö', 'Evästeet', 'Google Analytics'],
    ],
    categories: HEHKU_CATEGORIES,
    subjects: ['Asiakas', 'Potentiaalinen asiakas', 'Yhteistyökumppani'],
    categoriesEn: HEHKU_CATEGORIES_EN,
  },
  {
    seed: '001 Hehku Businessin asiakasrekisteri (the shorter version)',
    preset: 'hehku-business',
    headings: [
      ['Rekisterin käyttö ja ylläpito', 'Rekisterin käyttö ja ylläpito'],
      ['Kerätyt henkilötiedot', 'Kerätyt henkilötiedot'],
      ['Käsittelyn peruste henkilötietolaissa', 'Käsittelyn peruste'],
      ['Rekisteröintiin liittyvä viestintä', 'Rekisteröintiin liittyvä viestintä'],
      [
        'Järjestelmät joissa käsiteltävät henkilötiedot sijaitsevat',
        'Järjestelmät joissa käsiteltävät henkilötiedot sijaitsevat',
      ],
      ['Tietojen säilytys', 'Tietojen säilytys'],
      ['Tietojen poistaminen henkilön itsensä toimesta', 'Tietojen säilytys', 'sähköisen uutiskirjeen linkin'],
      ['Tietojen poistaminen Hehku Businessin toimesta', 'Tietojen säilytys', 'aktiivinen 5 vuoteen'],
      [
        'Tietojen siirto tai passivointi',
        'Tietojen säilytys',
        'Jos passivoitu henkilö ei siirry uuden asiakasorganisaation palvelukseen 5 vuoden kuluessa passivoinnista',
      ],
    ],
    categories: HEHKU_CATEGORIES,
    subjects: ['Asiakas', 'Potentiaalinen asiakas'],
    categoriesEn: HEHKU_CATEGORIES_EN,
  },
  {
    seed: '002 Kehobalanssi, Asiakasrekisteri – tietosuojaseloste (4.1.2018)',
    preset: 'kehobalanssi',
    headings: [
      ['Rekisterinpitäjä', 'Rekisterinpitäjä', 'Ellintie 4'],
      [
        'Yhteyshenkilö rekisteriä koskevissa asioissa',
        'Yhteyshenkilö rekisteriä koskevissa asioissa',
        'Sanna-Kaisa Lehto',
      ],
      ['Rekisterin nimi', 'Rekisterin nimi', 'Asiakasrekisteri'],
      ['Henkilötietojen käsittelyn tarkoitus', 'Henkilötietojen käsittelyn tarkoitus', 'postitustarroja'],
      ['Rekisterin tietosisältö', 'Rekisterin tietosisältö'],
      ['Säännönmukaiset tietolähteet', 'Säännönmukaiset tietolähteet', 'päivityspalveluja'],
      ['Tietojen säännönmukaiset luovutukset', 'Tietojen säännönmukaiset luovutukset', 'perintään tai laskutukseen'],
      ['Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Tietojen siirto EU:n tai ETA:n ulkopuolelle'],
      [
        'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
        'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
        'paloturvallisissa',
      ],
      [
        'Rekisterin suojauksen periaatteet B: ATK:illa käsiteltävät toiminnot',
        'Rekisterin suojauksen periaatteet B: ATK:illa käsiteltävät toiminnot',
        'palomuurilla',
      ],
      ['Evästeet', 'Evästeet', 'Google Analytics Demographics'],
      ['Tarkastusoikeus', 'Tarkastusoikeus', 'suomeksi tai englanniksi'],
      ['Oikeus vaatia tiedon korjaamista', 'Oikeus vaatia tiedon korjaamista', 'kirjallisen todistuksen'],
      [
        'Muut henkilötietojen käsittelyyn liittyvät oikeudet',
        'Muut henkilötietojen käsittelyyn liittyvät oikeudet',
        'anonymisointia',
      ],
    ],
    categories: [
      'Henkilön etu- ja sukunimi',
      'Edustamansa yhteisö',
      'Sähköpostiosoite',
      'Postiosoite',
      'Puhelinnumero',
      'Tiedot aikaisemmista tilauksista',
      'Ikä tai syntymäaika',
    ],
    subjects: ['Asiakas'],
    categoriesEn: [
      'First and last name',
      'The organisation the person represents',
      'Email address',
      'Postal address',
      'Phone number',
      'Previous orders',
      'Age or date of birth',
    ],
  },
  {
    seed: '004 Wellflix Oy, Tietosuojaseloste – Asiakasrekisteri (3.11.2022)',
    preset: 'wellflix',
    headings: [
      ['Rekisterinpitäjä', 'Rekisterinpitäjä', 'Tekniikantie 14'],
      ['Yhteyshenkilö rekisteriä koskevissa asioissa', 'Yhteyshenkilö rekisteriä koskevissa asioissa', 'Erno Polus'],
      ['Käsittelyn oikeusperuste', 'Käsittelyn oikeusperuste', 'Sopimuksellinen peruste'],
      ['Henkilötietojen käsittelyn tarkoitus', 'Henkilötietojen käsittelyn tarkoitus'],
      // The seed's text under this heading names the contract, not a legitimate interest.
      ['Oikeutetun edun peruste', 'Käsittelyn oikeusperuste', 'tilauksesta tulleiden toimenpiteiden'],
      // The seed lists the groups of data twice; the notice has them once, in its data content.
      ['Kyseessä olevat henkilötietoryhmät', 'Rekisterin tietosisältö', 'laskutustiedot'],
      [
        'Vastaanottajat ja vastaanottajaryhmät',
        'Tietojen säännönmukaiset luovutukset',
        'Vastaanottajat ja vastaanottajaryhmät: rekisterinpitäjän henkilöstö',
      ],
      ['Rekisterin tietosisältö', 'Rekisterin tietosisältö'],
      ['Säännönmukaiset tietolähteet', 'Säännönmukaiset tietolähteet', 'alihankkijoilta'],
      [
        'Henkilötietojen säilyttämisaika',
        'Henkilötietojen säilyttämisaika',
        '10 vuoden kuluttua asiakkuuden päättymisestä',
      ],
      ['Tietojen säännönmukaiset luovutukset', 'Tietojen säännönmukaiset luovutukset'],
      ['Tietojen siirto EU:n tai ETA:n ulkopuolelle', 'Tietojen siirto EU:n tai ETA:n ulkopuolelle'],
      [
        'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
        'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
      ],
      [
        'Rekisterin suojauksen periaatteet B: Sähköinen aineisto',
        'Rekisterin suojauksen periaatteet B: Sähköinen aineisto',
        'palomuurilla',
      ],
      ['Evästeet', 'Evästeet', 'toistamaan kaikkia videoita'],
      ['GOOGLE ANALYTICS', 'Evästeet', 'Google Analytics'],
      [
        'Tarkastusoikeus, eli oikeus saada pääsy henkilötietoihin.',
        'Tarkastusoikeus, eli oikeus saada pääsy henkilötietoihin',
      ],
      ['Oikeus siirtää tiedot järjestelmästä toiseen', 'Oikeus siirtää tiedot järjestelmästä toiseen'],
      ['Oikeus vaatia tiedon korjaamista', 'Oikeus vaatia tiedon korjaamista'],
      ['Rajoittamisoikeus', 'Rajoittamisoikeus'],
      ['Vastustamisoikeus', 'Vastustamisoikeus'],
      [
        'Oikeus tehdä valitus valvontaviranomaiselle',
        'Oikeus tehdä valitus valvontaviranomaiselle',
        'Tietosuojavaltuutetun toimisto',
      ],
      ['Muut henkilötietojen käsittelyyn liittyvät oikeudet', 'Muut henkilötietojen käsittelyyn liittyvät oikeudet'],
    ],
    categories: [
      'Henkilön etu- ja sukunimi',
      'Edustamansa yhteisö',
      'Sähköpostiosoite',
      'Postiosoite',
      'Puhelinnumero',
      'www-osoite',
      'IP numero',
      'Tiedot aikaisemmista tilauksista',
      'laskutustiedot',
    ],
    subjects: ['Asiakas'],
    categoriesEn: [
      'First and last name',
      'The organisation the person represents',
      'Email address',
      'Postal address',
      'Phone number',
      'Web address',
      'IP address',
      'Previous orders',
      'billing details',
    ],
  },
];

/** The sections every notice has, whatever the register: the list, in its order. */
const REQUIRED_SECTIONS = [
  'controller',
  'contactPerson',
  'registerName',
  'purpose',
  'legalBasis',
  'dataContent',
  'sources',
  'disclosures',
  'transfers',
  'processors',
  'retention',
  'securityElectronic',
  'rights',
  'rightAccess',
  'rightRectification',
  'rightErasure',
  'rightRestriction',
  'rightObjection',
  'rightPortability',
  'rightComplaint',
] as const;

function pdfText(pdf: Buffer): string {
  const dir = tempDirForThisTest('kaappi-notice-pdf-');
  const file = join(dir, 'notice.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the notice printed from each preset', () => {
  for (const expected of SEEDS) {
    it(`has every heading and data category of seed ${expected.seed}`, async () => {
      const { register } = await registerWith(expected.preset);
      const doc = privacyNotice(resolveNotice(register), 'fi', TODAY);
      const printed = headings(doc);
      for (const [seedHeading, noticeHeading, mention] of expected.headings) {
        expect(printed, `seed heading "${seedHeading}"`).toContain(noticeHeading);
        if (mention) expect(blockText(sectionBlocks(doc, noticeHeading)), seedHeading).toContain(mention);
      }
      const dataContent = readRegisterProfile(register).notice.headings.fi.dataContent ?? 'Rekisterin tietosisältö';
      const items = bulletItems(sectionBlocks(doc, dataContent));
      for (const category of expected.categories) expect(items, `category "${category}"`).toContain(category);
      const subjectsHeading = readRegisterProfile(register).notice.headings.fi.dataSubjects ?? 'Rekisteröityjen ryhmät';
      const subjects = bulletItems(sectionBlocks(doc, subjectsHeading));
      for (const subject of expected.subjects) expect(subjects).toContain(subject);
      expect(doc.meta).toContain('Laadittu 23.11.2026');
    });
  }

  for (const id of ['hehku-business', 'kehobalanssi', 'wellflix']) {
    it(`prints ${id}'s sections in the seeds' order, in Finnish and in English alike`, async () => {
      const { register } = await registerWith(id);
      const notice = resolveNotice(register);
      const fi = noticeOutline(notice, 'fi').map(([section]) => section);
      const en = noticeOutline(notice, 'en').map(([section]) => section);
      expect(en).toEqual(fi);
      for (const section of REQUIRED_SECTIONS) expect(fi).toContain(section);
      const order = fi.map((section) => NOTICE_SECTIONS.indexOf(section));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(fi.at(-1)).toBe('cookies');

      const expected = SEEDS.find((seed) => seed.preset === id)!;
      const english = privacyNotice(notice, 'en', TODAY);
      expect(english.title).toBe('Privacy notice');
      expect(english.meta).toContain('Prepared on 23 November 2026');
      const contentHeading = notice.profile.notice.headings.en.dataContent ?? 'Personal data in the register';
      const items = bulletItems(sectionBlocks(english, contentHeading));
      for (const category of expected.categoriesEn) expect(items).toContain(category);
      expect(headings(english)).toContain('Right to lodge a complaint with the supervisory authority');
      expect(blockText(sectionBlocks(english, 'Right to lodge a complaint with the supervisory authority'))).toContain(
        'Office of the Data Protection Ombudsman',
      );
    });
  }

  it('renders to PDFs in which pdftotext finds every heading and category', async () => {
    for (const expected of SEEDS.filter((seed) => !seed.seed.startsWith('001'))) {
      const { register } = await registerWith(expected.preset);
      const notice = resolveNotice(register);
      for (const [language, categories] of [
        ['fi', expected.categories],
        ['en', expected.categoriesEn],
      ] as Array<[Language, string[]]>) {
        const doc = privacyNotice(notice, language, TODAY);
        const text = squeeze(pdfText(await renderPdf(doc)));
        for (const heading of headings(doc)) expect(text, `${expected.preset} ${language}`).toContain(squeeze(heading));
        for (const category of categories) expect(text).toContain(category);
      }
    }
  });

  it('leaves out what a register does not have: no cookies section without a website, no processors claimed', async () => {
    const { register } = await registerWith('wellflix');
    updateNoticeSettings(register, {
      notice: {
        ...readRegisterProfile(register).notice,
        cookies: { used: false, websites: '', text: { fi: '', en: '' } },
        processors: [],
      },
    });
    const doc = privacyNotice(resolveNotice(register), 'fi', TODAY);
    expect(headings(doc)).not.toContain('Evästeet');
    expect(blockText(sectionBlocks(doc, 'Henkilötietojen käsittelijät'))).toContain(
      'Rekisterinpitäjä ei käytä henkilötietojen käsittelijöitä',
    );
  });

  it('names what the register holds even when the notice does not declare it: custom fields and tables in use', async () => {
    const { register } = await registerWith('hehku-business');
    const before = bulletItems(
      sectionBlocks(privacyNotice(resolveNotice(register), 'fi', TODAY), 'Kerätyt henkilötiedot'),
    );
    expect(before).toContain('Ilmoittautumiset koulutuksiin ja asiakastilaisuuksiin'); // the preset's custom field
    expect(before).not.toContain('tiedot tilauksista ja ostetuista palveluista');
    const väinö = createPerson(register, person({ firstName: 'Väinö', lastName: 'Jääskeläinen' })).id;
    addOrder(register, väinö, {
      orderedOn: TODAY,
      description: 'Työhyvinvointipäivä',
      amountCents: 120_000,
      invoiceStatus: 'open',
    });
    const after = bulletItems(
      sectionBlocks(privacyNotice(resolveNotice(register), 'fi', TODAY), 'Kerätyt henkilötiedot'),
    );
    expect(after).toContain('tiedot tilauksista ja ostetuista palveluista');
    expect(
      blockText(sectionBlocks(privacyNotice(resolveNotice(register), 'fi', TODAY), 'Tietojen säilytys')),
    ).toContain('kirjanpitolain edellyttämän ajan, 6 vuotta');
  });
});

describe('the rights section', () => {
  const rightsText = (register: UnlockedRegister, language: Language) => {
    const notice = resolveNotice(register);
    const doc = privacyNotice(notice, language, TODAY);
    const rights = noticeOutline(notice, language).filter(([section]) => section.startsWith('right'));
    expect(rights.map(([section]) => section)).toContain('rightAccess');
    return rights.map(([, heading]) => blockText(sectionBlocks(doc, heading))).join(' ');
  };

  it('says how to make a request and that identity may be confirmed, never demanding a signature (fi)', async () => {
    const { register } = await registerWith();
    const text = rightsText(register, 'fi');
    expect(text).toContain('Pyynnön voi tehdä kirjallisesti, sähköpostilla tai henkilökohtaisesti.');
    expect(text).toContain('voi pyytää tietoja henkilöllisyyden vahvistamiseksi');
    expect(text).toContain('Tarkastuspyynnön voi tehdä suomeksi tai englanniksi.');
    expect(text).not.toMatch(/allekirjoit/i);
    expect(text).not.toMatch(/henkilötietolai/i);
  });

  it('says how to make a request and that identity may be confirmed, never demanding a signature (en)', async () => {
    const { register } = await registerWith();
    const text = rightsText(register, 'en');
    expect(text).toContain('You can make a request in writing, by email or in person.');
    expect(text).toContain('may ask for information to confirm your identity');
    expect(text).not.toMatch(/\bsign(ed|ature)\b/i);
    expect(text).not.toMatch(/Personal Data Act/i);
  });
});

describe('the record of processing activities (GDPR Art. 30)', () => {
  it('states purposes, groups, categories, recipients, transfers, erasure time limits and security', async () => {
    const { register } = await registerWith('hehku-business');
    const record = processingRecord(resolveNotice(register), { owner: 1, staff: 2, readonly: 0 }, 'fi', TODAY);
    expect(record.title).toBe('Seloste käsittelytoimista');
    expect(headings(record)).toEqual([
      'Käsittelyn tarkoitukset',
      'Vastaanottajat ja vastaanottajaryhmät',
      'Henkilötietojen käsittelijät',
      'Siirrot kolmansiin maihin ja suojatoimet',
      'Poistamisen määräajat',
      'Teknisten ja organisatoristen turvatoimien yleiskuvaus',
    ]);
    const facts = record.blocks.find((b) => b.kind === 'keyValues');
    const rows = new Map(facts?.kind === 'keyValues' ? facts.rows : []);
    expect(rows.get('Rekisteröityjen ryhmät')).toBe('Asiakas\nPotentiaalinen asiakas\nYhteistyökumppani');
    expect(rows.get('Henkilötietoryhmät')).toContain('tieto suoramarkkinointikiellosta');
    expect(rows.get('Rekisterin käyttäjät')).toBe('omistajia 1, työntekijöitä 2, lukuoikeudella 0');
    expect(blockText(sectionBlocks(record, 'Siirrot kolmansiin maihin ja suojatoimet'))).toContain(
      'Mailchimp (Yhdysvallat): EU:n ja Yhdysvaltojen välinen tietosuojakehys',
    );
    expect(blockText(sectionBlocks(record, 'Poistamisen määräajat'))).toContain('aktiivinen 5 vuoteen');
  });
});

describe('whether the printed notice is out of date', () => {
  async function printed(register: UnlockedRegister) {
    return writeNoticeFiles(register, 'notice', tempDirForThisTest('kaappi-notice-out-'));
  }

  it('is out of date until first printed, then whenever something it prints changes, and current again once printed', async () => {
    const { register, deps } = await registerWith('hehku-business');
    expect(noticeStatus(register)).toMatchObject({ generatedAt: null, outOfDate: true });
    const written = await printed(register);
    expect(written.files.map((f) => f.name)).toEqual([
      'tietosuojaseloste-2026-11-23.html',
      'tietosuojaseloste-2026-11-23.pdf',
      'privacy-notice-2026-11-23.html',
      'privacy-notice-2026-11-23.pdf',
    ]);
    expect(readFileSync(join(written.folder, 'tietosuojaseloste-2026-11-23.html'), 'utf8')).toContain(
      '<h2>Kerätyt henkilötiedot</h2>',
    );
    expect(noticeStatus(register)).toMatchObject({ generatedAt: '2026-11-23T09:00:00.000Z', outOfDate: false });

    const changes: Array<[string, () => void]> = [
      [
        'a setting (the contact person)',
        () =>
          updateNoticeSettings(register, {
            contactPerson: { name: 'Tiina Mustonen', phone: '045 78713579', email: 'tiina@hehkubusiness.fi' },
          }),
      ],
      [
        'a new relationship kind',
        () =>
          addListEntry(register, 'kinds', {
            key: 'provider',
            labelFi: 'Palveluntarjoaja',
            labelEn: 'Service provider',
          }),
      ],
      [
        'a new data source',
        () => addListEntry(register, 'sources', { key: 'fair', labelFi: 'Messut', labelEn: 'Trade fair' }),
      ],
      [
        'a new custom field',
        () =>
          addCustomField(register, { key: 'diet', labelFi: 'Ruokavalio', labelEn: 'Diet', type: 'text', choices: [] }),
      ],
      [
        'a retention policy',
        () => updatePolicy(register, 'after_end', { active: true, period: { amount: 10, unit: 'years' } }),
      ],
      ['the bookkeeping period', () => updateSettings(register, { bookkeepingYears: 10 })],
    ];
    for (const [what, change] of changes) {
      deps.clock.advanceMs(60_000);
      change();
      expect(noticeStatus(register).outOfDate, what).toBe(true);
      await printed(register);
      expect(noticeStatus(register).outOfDate, `${what}, printed again`).toBe(false);
    }
    expect(noticeStatus(register).generatedAt).toBe('2026-11-23T09:06:00.000Z');
  });

  it('is not out of date for register work that the notice does not print, nor once a change is undone', async () => {
    const { register } = await registerWith('wellflix');
    const väinö = createPerson(
      register,
      person({ firstName: 'Väinö', lastName: 'Jääskeläinen', kindKey: 'customer' }),
    ).id;
    await printed(register);
    updatePerson(register, väinö, { city: 'Tampere' });
    addOrder(register, väinö, {
      orderedOn: TODAY,
      description: 'Vuosijäsenyys',
      amountCents: 9_900,
      invoiceStatus: 'paid',
    });
    expect(noticeStatus(register).outOfDate).toBe(false); // Wellflix's notice already names orders
    updatePolicy(register, 'after_end', { period: { amount: 12, unit: 'years' } });
    expect(noticeStatus(register).outOfDate).toBe(true);
    updatePolicy(register, 'after_end', { period: { amount: 10, unit: 'years' } });
    expect(noticeStatus(register).outOfDate).toBe(false);
  });

  it('names what a notice still lacks', async () => {
    const bare = await registerWith();
    expect(noticeStatus(bare.register).gaps).toEqual([
      'controller.name',
      'controller.contact',
      'purposes',
      'transfers',
    ]);
    const keho = await registerWith('kehobalanssi');
    // Seed 002 gives no retention period and no safeguard for its partners' servers outside the EU
    // (a processor outside the EU/EEA makes the transfer choice, so that is not a gap).
    expect(noticeStatus(keho.register).gaps).toEqual(['retention', 'transferSafeguard']);
    // Seed 004 says transfers happen "when technically necessary": the owner has to choose what is true.
    expect(noticeStatus((await registerWith('wellflix')).register).gaps).toEqual(['transfers']);
  });

  it('marks each setup step done from what the notice still lacks', async () => {
    const doneSteps = (status: ReturnType<typeof noticeStatus>) =>
      status.steps.filter((step) => step.done).map((step) => step.step);
    const bare = await registerWith();
    expect(noticeStatus(bare.register).steps.map((step) => step.step)).toEqual([
      'controller',
      'contact',
      'data',
      'purposes',
      'recipients',
      'retention',
      'security',
      'notice',
    ]);
    expect(doneSteps(noticeStatus(bare.register))).not.toContain('controller');
    expect(doneSteps(noticeStatus(bare.register))).not.toContain('recipients');
    expect(doneSteps(noticeStatus(bare.register))).not.toContain('notice');
    const keho = await registerWith('kehobalanssi');
    // Seed 002 lacks a retention period and a safeguard: those two steps (and the unsaved notice) are left.
    const kehoLeft = noticeStatus(keho.register).steps.filter((step) => !step.done);
    expect(kehoLeft.map((step) => step.step)).toEqual(['recipients', 'retention', 'notice']);
  });
});

describe('the register profile', () => {
  it('reads a profile saved before the notice facts existed without losing what it had', async () => {
    const { register } = await registerWith();
    const { notice: _notice, ...old } = {
      ...DEFAULT_PROFILE,
      controller: { ...DEFAULT_PROFILE.controller, name: 'Hyvän Olon Hieronta Mäkinen', city: 'Jyväskylä' },
    };
    register.transaction((db) =>
      db
        .insert(settings)
        .values({ key: 'registerProfile', value: JSON.stringify(old), updatedAt: TODAY })
        .run(),
    );
    const profile = readRegisterProfile(register);
    expect(profile.controller.name).toBe('Hyvän Olon Hieronta Mäkinen');
    expect(profile.notice).toEqual(DEFAULT_PROFILE.notice);
  });

  it('changes the notice facts section by section, owner only', async () => {
    const { register } = await registerWith('wellflix');
    const before = readRegisterProfile(register);
    const after = updateNoticeSettings(register, {
      notice: { noticeLocation: { fi: 'www.wellflix.fi/tietosuoja', en: 'www.wellflix.fi/privacy' } },
    });
    expect(after.profile.notice.noticeLocation.fi).toBe('www.wellflix.fi/tietosuoja');
    expect(after.profile.notice.processors).toEqual(before.notice.processors);
    expect(after.profile.controller).toEqual(before.controller);
    expect(after.derived.retention.fi[0]).toBe(
      'Henkilön tiedot poistetaan 10 vuoden kuluttua asiakkuuden päättymisestä.',
    );
  });
});

describe('direct marketing per channel in the notice', () => {
  it('a preset that does not mention the channels loads with every channel by consent', async () => {
    const { register } = await registerWith('kehobalanssi');
    expect(loadPreset('kehobalanssi', SEED_NOTICES).notice.marketingChannels).toBeUndefined();
    expect(readRegisterProfile(register).notice.marketingChannels).toEqual({
      email: 'optIn',
      sms: 'optIn',
      phone: 'optIn',
      post: 'optIn',
    });
  });

  it('states per channel whether it is by consent or until objection, in Finnish and English, from the setting', async () => {
    const { register } = await registerWith();
    const basis = (language: Language, heading: string) =>
      blockText(sectionBlocks(privacyNotice(resolveNotice(register), language, TODAY), heading));
    // A register that records no marketing and has no opt-out channel says nothing of it.
    expect(basis('fi', 'Käsittelyn oikeusperuste')).not.toContain('Suoramarkkinointia');

    updateNoticeSettings(register, {
      notice: { marketingChannels: { email: 'optIn', sms: 'optIn', phone: 'optIn', post: 'optOut' } },
    });
    const fi = basis('fi', 'Käsittelyn oikeusperuste');
    expect(fi).toContain('Suoramarkkinointia lähetetään kanavittain näin:');
    expect(fi).toContain('• Sähköposti: vain suostumuksellasi, jonka voit perua milloin tahansa.');
    expect(fi).toContain('• Tekstiviesti: vain suostumuksellasi');
    expect(fi).toContain('• Puhelin: vain suostumuksellasi');
    expect(fi).toContain('• Posti: ilman erillistä suostumusta, kunnes kiellät sen.');
    const en = basis('en', 'Legal basis for processing');
    expect(en).toContain('• Email: only with your consent, which you can withdraw at any time.');
    expect(en).toContain('• Post: without separate consent until you object.');
    expect(en).not.toContain('Post: only with your consent');
    expect(noticeStatus(register).outOfDate).toBe(true);
  });
});

describe('telling a person about their registration', () => {
  it('gives the short text in the person’s language, with who, why, where the notice is and the rights', async () => {
    const { register } = await registerWith('hehku-business');
    const väinö = createPerson(
      register,
      person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino@example.fi', sourceKey: 'company_website' }),
    ).id;
    const fi = informText(register, väinö);
    expect(fi.language).toBe('fi');
    expect(fi.text).toMatch(/^Hei Väinö,/);
    expect(fi.text).toContain('rekisteriin "Hehku Businessin asiakasrekisteri", jota pitää Hehku Wellness.');
    expect(fi.text).toContain('Saimme tietosi: Yrityksen julkiset verkkosivut.');
    expect(fi.text).toContain('Asiakasrekisteri on Hehku Businessin nykyisten');
    expect(fi.text).toContain('on saatavilla: www.hehkubusiness.fi.');
    expect(fi.text).toContain('Pyynnöt voit osoittaa: Tiina Mustonen, 045 78713579.');
    expect(fi.text).toContain('Tietosuojavaltuutetun toimisto');

    const emma = createPerson(
      register,
      person({ firstName: 'Emma', lastName: 'Smith', email: 'emma@example.com', language: 'en' }),
    ).id;
    const en = informText(register, emma);
    expect(en.language).toBe('en');
    expect(en.text).toMatch(/^Dear Emma,/);
    expect(en.text).toContain('You have the right to access your data');
    expect(en.text).not.toMatch(/[äö]/);
  });

  it('says less rather than leave blanks while the settings name no controller or contact', async () => {
    const { register } = await registerWith();
    const aino = createPerson(register, person()).id;
    const { text } = informText(register, aino);
    expect(text).toContain('rekisteriin "Asiakasrekisteri".');
    expect(text).toContain('vastaamalla tähän viestiin');
    expect(text).not.toMatch(/jota pitää|: \.|\s\./);
  });

  it('records when and how, and the person leaves the "not informed" view; also for a restricted person', async () => {
    const { register } = await registerWith('hehku-business');
    const väinö = createPerson(
      register,
      person({ firstName: 'Väinö', lastName: 'Jääskeläinen', email: 'vaino@example.fi' }),
    ).id;
    const aino = createPerson(register, person({ email: 'aino@example.fi' })).id;
    const notInformed = () =>
      searchPersons(register, { filters: { notInformed: true }, offset: 0, limit: 10 }).rows.map((r) => r.id);
    expect(notInformed().sort()).toEqual([väinö, aino].sort());
    register.transaction((db) => db.update(persons).set({ restricted: true }).where(eq(persons.id, väinö)).run());
    expect(recordInformed(register, väinö, { on: '2026-11-20', how: 'sähköpostilla' })).toEqual({
      informedOn: '2026-11-20',
      informedHow: 'sähköpostilla',
    });
    expect(notInformed()).toEqual([aino]);
    expect(() => recordInformed(register, aino, { on: '2026-11-24', how: 'puhelimessa' })).toThrow('DATE_IN_FUTURE');
    expect(() => recordInformed(register, 999, { on: TODAY, how: 'puhelimessa' })).toThrow('PERSON_NOT_FOUND');
    expect(notInformed()).toEqual([aino]);
  });
});
