// Every paragraph the notice prints is a fact from settings: security measures as checkable facts,
// the transfer as the owner's choice (never "not transferred" unless chosen), a free introduction,
// and profiles stored before these facts existed still loading with honest defaults.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../src-main/core/documents';
import {
  noticeStatus,
  privacyNotice,
  processingRecord,
  resolveNotice,
  updateNoticeSettings,
  type NoticeFacts,
  type ProcessorFact,
} from '../../src-main/core/notice';
import type { UnlockedRegister } from '../../src-main/core/register';
import { readRegisterProfile } from '../../src-main/core/settings';
import { contract } from '../../src-shared/contract';
import { TRANSFER_CHOICES } from '../../src-shared/contract/notice-facts';
import { auditLog, settings } from '../../src-main/db/schema';
import { registerForThisTest } from '../fixtures/for-this-test';
import type { Language } from '../../src-shared/language';

const TODAY = '2026-11-23';
const LANGUAGES: Language[] = ['fi', 'en'];

async function register(): Promise<UnlockedRegister> {
  return (await registerForThisTest()).register;
}

const text = (doc: DocumentModel) =>
  doc.blocks
    .map((b: Block) =>
      b.kind === 'paragraph' || b.kind === 'heading'
        ? b.text
        : b.kind === 'lines'
          ? b.lines.join('\n')
          : b.kind === 'table'
            ? b.rows.flat().join('\n')
            : b.kind === 'keyValues'
              ? b.rows.flat().join('\n')
              : '',
    )
    .join('\n');

const printed = (r: UnlockedRegister, language: Language) => text(privacyNotice(resolveNotice(r), language, TODAY));
const recorded = (r: UnlockedRegister, language: Language) =>
  text(processingRecord(resolveNotice(r), { owner: 1, staff: 1, readonly: 0 }, language, TODAY));

const webShop: ProcessorFact = {
  name: 'Kauppakumppani Oy',
  receives: { fi: 'verkkokaupan tilaukset ja asiakkaiden yhteystiedot', en: 'web shop orders and contact details' },
  location: { fi: 'Suomi', en: 'Finland' },
  outsideEea: false,
  safeguard: { fi: '', en: '' },
};

const CLOUD_CLAIMS: Record<Language, RegExp> = {
  fi: /pilvi|omalla tietokoneella|vain rekisterinpitäjän tietokoneella/i,
  en: /cloud|own computer|only on the controller's computer/i,
};
const NOT_TRANSFERRED: Record<Language, RegExp> = {
  fi: /ei siirretä EU:n|ei siirtoa EU:n/,
  en: /not transferred outside|no transfer outside/,
};

describe('the security section lists the measures the owner checked', () => {
  it('prints a partner-run web shop honestly: the partner fact, and no claim that all stays on this computer', async () => {
    const r = await register();
    updateNoticeSettings(r, {
      notice: {
        processors: [webShop],
        transferChoice: 'partnersInEea',
        security: {
          measures: ['encryptedHere', 'partnerServers', 'backupsEncrypted', 'personalLogins'],
          manual: { fi: '', en: '' },
          electronic: { fi: 'Verkkokaupan ylläpito on kumppanin vastuulla.', en: 'The partner runs the web shop.' },
        },
      },
    });
    for (const language of LANGUAGES) {
      for (const doc of [printed(r, language), recorded(r, language)]) {
        expect(doc, language).not.toMatch(CLOUD_CLAIMS[language]);
        expect(doc).not.toMatch(language === 'fi' ? /salassapitositoumus/ : /confidentiality agreement/);
      }
    }
    expect(printed(r, 'fi')).toContain('Osa tiedoista on myös yhteistyökumppanien palvelimilla');
    expect(printed(r, 'fi')).toContain('Rekisteri on tallennettu salattuna (AES-256)');
    expect(printed(r, 'fi')).toContain('Verkkokaupan ylläpito on kumppanin vastuulla.');
    expect(printed(r, 'en')).toContain("Some of the data is also on partners' servers");
    expect(recorded(r, 'en')).toContain("Some of the data is also on partners' servers");
    expect(noticeStatus(r).gaps).not.toContain('securityCloud');
  });

  it('prints the paper measures under manual material, and leaves a section out when nothing is checked there', async () => {
    const r = await register();
    const only = (measures: NoticeFacts['security']['measures']) =>
      updateNoticeSettings(r, {
        notice: { security: { measures, manual: { fi: '', en: '' }, electronic: { fi: '', en: '' } } },
      });
    only(['encryptedHere']);
    const fi = privacyNotice(resolveNotice(r), 'fi', TODAY);
    const headings = fi.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).not.toContain('Rekisterin suojauksen periaatteet A: Manuaalinen aineisto');
    only(['encryptedHere', 'paperLocked']);
    const manual = privacyNotice(resolveNotice(r), 'fi', TODAY).blocks;
    const at = manual.findIndex(
      (b) => b.kind === 'heading' && b.text === 'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
    );
    expect(manual[at + 1]).toEqual({
      kind: 'paragraph',
      text: 'Paperiset asiakirjat säilytetään lukituissa tiloissa.',
    });
  });

  it('refuses measures that deny each other, and a "never in a cloud" beside processors is a gap', async () => {
    const r = await register();
    const audited = () => r.db.select().from(auditLog).all().length;
    const before = audited();
    const empty = { fi: '', en: '' };
    expect(() =>
      updateNoticeSettings(r, {
        notice: { security: { measures: ['notInCloud', 'partnerServers'], manual: empty, electronic: empty } },
      }),
    ).toThrow('NOTICE_MEASURES_CONFLICT');
    expect(() =>
      updateNoticeSettings(r, {
        notice: { security: { measures: ['paperLocked', 'noPaper'], manual: empty, electronic: empty } },
      }),
    ).toThrow('NOTICE_MEASURES_CONFLICT');
    expect(audited()).toBe(before);
    expect(readRegisterProfile(r).notice.security.measures).toContain('notInCloud'); // a new register's default
    updateNoticeSettings(r, { notice: { processors: [webShop] } });
    expect(noticeStatus(r).gaps).toContain('securityCloud');
  });
});

describe('transfers outside the EU/EEA are the owner’s choice', () => {
  it('never prints "not transferred" unless the owner chose it', async () => {
    const r = await register();
    // Never chosen: nothing is claimed, the processors' table included, and the status names the gap.
    updateNoticeSettings(r, { notice: { processors: [webShop] } });
    for (const language of LANGUAGES) {
      expect(printed(r, language)).not.toMatch(NOT_TRANSFERRED[language]);
      expect(recorded(r, language)).not.toMatch(NOT_TRANSFERRED[language]);
    }
    expect(noticeStatus(r).gaps).toContain('transfers');

    for (const choice of TRANSFER_CHOICES) {
      const safeguard = { fi: 'EU:n vakiosopimuslausekkeet', en: 'EU standard contractual clauses' };
      updateNoticeSettings(r, {
        notice: {
          transferChoice: choice,
          transfers: choice === 'outsideEeaSafeguard' ? safeguard : { fi: '', en: '' },
        },
      });
      for (const language of LANGUAGES) {
        if (choice === 'notTransferred') expect(printed(r, language), choice).toMatch(NOT_TRANSFERRED[language]);
        else expect(printed(r, language), `${choice} ${language}`).not.toMatch(/ei siirretä|not transferred/);
      }
      expect(noticeStatus(r).gaps, choice).not.toContain('transfers');
      expect(noticeStatus(r).gaps, choice).not.toContain('transferSafeguard');
    }
    updateNoticeSettings(r, { notice: { transferChoice: 'partnersLocationUnknown' } });
    expect(printed(r, 'fi')).toContain('joiden sijainti ei ole rekisterinpitäjän tiedossa');
    expect(printed(r, 'en')).toContain('whose location is not known to the controller');
  });

  it('keeps the choice consistent with the processors: one outside the EU/EEA makes it a transfer with a safeguard', async () => {
    const r = await register();
    const mailchimp: ProcessorFact = {
      name: 'Mailchimp',
      receives: { fi: 'uutiskirjeen tilaajat', en: 'newsletter subscribers' },
      location: { fi: 'Yhdysvallat', en: 'United States' },
      outsideEea: true,
      safeguard: { fi: 'EU–USA-tietosuojakehys', en: 'EU–US Data Privacy Framework' },
    };
    updateNoticeSettings(r, { notice: { transferChoice: 'notTransferred' } });
    const saved = r.db.select().from(settings).where(eq(settings.key, 'registerProfile')).get()?.value;
    expect(() => updateNoticeSettings(r, { notice: { processors: [mailchimp] } })).toThrow('NOTICE_TRANSFER_CONFLICT');
    expect(r.db.select().from(settings).where(eq(settings.key, 'registerProfile')).get()?.value).toBe(saved);

    // Not chosen yet, the processor decides: printed as a transfer with its safeguard, and no gap.
    updateNoticeSettings(r, { notice: { transferChoice: null, processors: [mailchimp] } });
    expect(printed(r, 'fi')).toContain('tietosuoja-asetuksen V luvun mukaisin suojatoimin');
    expect(printed(r, 'fi')).toContain('Mailchimp (Yhdysvallat): EU–USA-tietosuojakehys');
    expect(noticeStatus(r).gaps).not.toContain('transfers');
  });

  it('asks for the safeguard of a transfer outside the EU/EEA when no processor gives one', async () => {
    const r = await register();
    updateNoticeSettings(r, { notice: { transferChoice: 'outsideEeaSafeguard' } });
    expect(noticeStatus(r).gaps).toContain('transferSafeguard');
  });
});

describe('the notice’s free introduction', () => {
  it('is printed after the header, before the first section, in each language; an empty one prints nothing', async () => {
    const r = await register();
    const first = (language: Language) => privacyNotice(resolveNotice(r), language, TODAY).blocks[0];
    expect(first('fi')).toEqual({ kind: 'heading', text: 'Rekisterinpitäjä' });
    updateNoticeSettings(r, {
      notice: {
        introduction: {
          fi: 'Hierontapalvelu Mäkelä kertoo tässä, miten käsittelemme asiakkaidemme tietoja.\n\nKysy rohkeasti.',
          en: 'This is how Hierontapalvelu Mäkelä handles its customers’ data.',
        },
      },
    });
    const fi = privacyNotice(resolveNotice(r), 'fi', TODAY).blocks;
    expect(fi.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: 'Hierontapalvelu Mäkelä kertoo tässä, miten käsittelemme asiakkaidemme tietoja.' },
      { kind: 'paragraph', text: 'Kysy rohkeasti.' },
      { kind: 'heading', text: 'Rekisterinpitäjä' },
    ]);
    expect(first('en')).toEqual({
      kind: 'paragraph',
      text: 'This is how Hierontapalvelu Mäkelä handles its customers’ data.',
    });
  });
});

describe('data categories for cookies and profiling', () => {
  it('prints Kaappi’s wording for usage data and profiling when declared', async () => {
    const r = await register();
    const none = { fi: '', en: '' };
    updateNoticeSettings(r, {
      notice: {
        dataCategories: [
          { key: 'name', label: none },
          { key: 'usageData', label: none },
          { key: 'profiling', label: none },
        ],
      },
    });
    expect(printed(r, 'fi')).toContain('evästeillä kerätyt tiedot ja verkkosivujen käyttötiedot');
    expect(printed(r, 'fi')).toContain('profilointitiedot');
    expect(printed(r, 'en')).toContain('data collected with cookies and website usage data');
    expect(printed(r, 'en')).toContain('profiling data');
  });
});

describe('profiles and changes from before the facts existed', () => {
  async function storedBefore(r: UnlockedRegister, processors: ProcessorFact[]) {
    const current = readRegisterProfile(r);
    const { introduction: _i, transferChoice: _t, ...notice } = current.notice;
    const old = {
      ...current,
      controller: { ...current.controller, name: 'Hyvän Olon Hieronta Mäkinen' },
      notice: {
        ...notice,
        processors,
        security: { manual: notice.security.manual, electronic: notice.security.electronic },
      },
    };
    r.transaction((db) =>
      db
        .insert(settings)
        .values({ key: 'registerProfile', value: JSON.stringify(old), updatedAt: TODAY })
        .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(old) } })
        .run(),
    );
  }

  it('loads an old profile with what its notice printed then, minus the cloud claim when it has processors', async () => {
    const r = await register();
    await storedBefore(r, []);
    let profile = readRegisterProfile(r);
    expect(profile.controller.name).toBe('Hyvän Olon Hieronta Mäkinen');
    expect(profile.notice.introduction).toEqual({ fi: '', en: '' });
    expect(profile.notice.transferChoice).toBeNull();
    expect(profile.notice.security.measures).toEqual([
      'encryptedHere',
      'notInCloud',
      'backupsEncrypted',
      'personalLogins',
      'confidentiality',
    ]);
    expect(printed(r, 'fi')).toContain('Rekisteriä ei lähetetä pilvipalveluun');
    expect(printed(r, 'fi')).toContain('on allekirjoittanut salassapitositoumuksen');

    await storedBefore(r, [webShop]);
    profile = readRegisterProfile(r);
    expect(profile.notice.security.measures).toEqual([
      'encryptedHere',
      'partnerServers',
      'backupsEncrypted',
      'personalLogins',
      'confidentiality',
    ]);
    expect(printed(r, 'en')).not.toMatch(CLOUD_CLAIMS.en);
    expect(noticeStatus(r).gaps).toContain('transfers');
  });

  it('changes one part without resetting facts a patch does not name', async () => {
    const input = contract['notice.updateSettings'].input;
    const patch = input.parse({ notice: { noticeLocation: { fi: 'vastaanotolla', en: 'at our premises' } } });
    expect(Object.keys(patch.notice ?? {})).toEqual(['noticeLocation']);
    const r = await register();
    updateNoticeSettings(r, { notice: { transferChoice: 'notTransferred', introduction: { fi: 'Hei.', en: 'Hi.' } } });
    updateNoticeSettings(r, patch);
    expect(readRegisterProfile(r).notice).toMatchObject({
      transferChoice: 'notTransferred',
      introduction: { fi: 'Hei.', en: 'Hi.' },
    });
  });
});

describe('the register profile as read', () => {
  it('is a copy: changing what one reader got does not change the next register’s defaults', async () => {
    const first = await register();
    readRegisterProfile(first).notice.dataCategories.push({ key: 'birthDate', label: { fi: '', en: '' } });
    const second = await register();
    expect(readRegisterProfile(second).notice.dataCategories.map((c) => c.key)).not.toContain('birthDate');
  });
});
