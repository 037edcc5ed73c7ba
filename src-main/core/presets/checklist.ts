// What a template leaves the owner to check before the notice is hers: Kaappi's own items and the
// template's. Kept beside the profile, not in it, so ticking an item does not change the notice.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../db/schema';
import { KaappiError } from '../../../src-shared/errors';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import type { Preset } from './schema';
import type { RegisterDb } from '../../db/open';

const CHECKLIST_KEY = 'noticeChecklist';

/** Asked after every template: each is a promise the template cannot know is true for her business. */
const KAAPPI_ITEMS: ReadonlyArray<{ key: string; text: { fi: string; en: string } }> = [
  {
    key: 'controller',
    text: {
      fi: 'Rekisterinpitäjän ja yhteyshenkilön tiedot ovat yrityksesi omat: nimi, Y-tunnus, osoite, puhelin ja sähköposti.',
      en: "The controller and contact person details are your business's own: name, business ID, address, phone and email.",
    },
  },
  {
    key: 'purposes',
    text: {
      fi: 'Käyttötarkoitukset ja oikeusperusteet kertovat, mihin todella käytät tietoja.',
      en: 'The purposes and legal bases say what you really use the data for.',
    },
  },
  {
    key: 'data',
    text: {
      fi: 'Tietosisältö luettelee vain ne tiedot, jotka todella keräät.',
      en: 'The data content lists only the data you really collect.',
    },
  },
  {
    key: 'recipients',
    text: {
      fi: 'Käsittelijät ja vastaanottajat (esimerkiksi ajanvaraus-, kassa- tai uutiskirjepalvelu) on nimetty, ja siirrot EU:n ulkopuolelle kuvattu.',
      en: 'Processors and recipients (such as a booking, till or newsletter service) are named, and any transfers outside the EU described.',
    },
  },
  {
    key: 'retention',
    text: {
      fi: 'Säilytysajat vastaavat käytäntöäsi ja lakisääteisiä aikoja (esimerkiksi kirjanpitoaineisto).',
      en: 'The retention periods match your practice and the statutory ones (bookkeeping records, for example).',
    },
  },
  {
    key: 'security',
    text: {
      fi: 'Tietoturvakuvaus pitää paikkansa: missä tiedot ovat, paperiset asiakirjat ja kuka tietoja käsittelee.',
      en: 'The security description is true: where the data is kept, paper documents and who handles the data.',
    },
  },
];

const itemSchema = z.object({
  key: z.string(),
  text: z.object({ fi: z.string(), en: z.string() }),
  confirmedAt: z.string().nullable(),
});
const checklistSchema = z.object({ presetId: z.string(), items: z.array(itemSchema) });
export type Checklist = z.infer<typeof checklistSchema>;

function write(db: RegisterDb, at: string, checklist: Checklist): void {
  const value = JSON.stringify(checklist);
  db.insert(settings)
    .values({ key: CHECKLIST_KEY, value, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run();
}

/**
 * A fresh checklist for the applied template: nothing confirmed, since everything may have changed.
 * Written in the caller's transaction (applying the template).
 */
export function startChecklist(db: RegisterDb, at: string, presetId: string, preset: Preset): Checklist {
  const checklist: Checklist = {
    presetId,
    items: [
      ...KAAPPI_ITEMS.map((item) => ({ key: `kaappi.${item.key}`, text: item.text, confirmedAt: null })),
      ...preset.checklist.map((item) => ({ key: `preset.${item.key}`, text: item.text, confirmedAt: null })),
    ],
  };
  write(db, at, checklist);
  return checklist;
}

/** The checklist of the last template applied; null when none was (a notice written by hand). */
export function readChecklist(register: UnlockedRegister): Checklist | null {
  const row = register.db.select().from(settings).where(eq(settings.key, CHECKLIST_KEY)).get();
  if (!row) return null;
  const parsed = checklistSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

/** The owner says an item is done (or takes it back); audited with the item's key. */
export function confirmChecklistItem(register: UnlockedRegister, key: string, confirmed: boolean): Checklist {
  assertRole(register, 'owner');
  return register.transaction((db) => {
    const checklist = readChecklist(register);
    const item = checklist?.items.find((candidate) => candidate.key === key);
    if (!checklist || !item) throw new KaappiError('CHECKLIST_ITEM_NOT_FOUND');
    const at = register.deps.clock.now().toISOString();
    item.confirmedAt = confirmed ? at : null;
    write(db, at, checklist);
    register.audit({
      action: confirmed ? 'notice.checklist_confirmed' : 'notice.checklist_reopened',
      targetType: 'preset',
      targetId: checklist.presetId,
      details: { item: key },
    });
    return checklist;
  });
}

/** Items still to confirm; 0 when no template was applied. */
export function itemsLeft(checklist: Checklist | null): number {
  return checklist ? checklist.items.filter((item) => item.confirmedAt === null).length : 0;
}
