import { eq, inArray } from 'drizzle-orm';
import { persons } from '../../src-main/db/schema-register';
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { call, createPerson, seedPersons } from './register-fixtures';
import { writableDb } from '../fixtures/writable';
import type { Page } from '@playwright/test';
import type { TestHost } from './host/server';

/** Six years without activity, as if time had passed (the host runs on the real clock). */
function makeDue(host: TestHost, ids: number[]): void {
  writableDb(host.registry.session.current!)
    .update(persons)
    .set({ lastActivityOn: '2019-01-01' })
    .where(inArray(persons.id, ids))
    .run();
}

/** `count` persons due for deletion today, in the order seedPersons names them. */
async function seedDue(host: TestHost, count: number): Promise<number[]> {
  const ids = await seedPersons(host, count);
  makeDue(host, ids);
  return ids;
}

/** The review from the main menu, and its pager. */
async function openReview(page: Page) {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Säilytys ja poistot' }).click();
  return page.getByRole('navigation', { name: 'Erääntyneiden sivut' });
}

test('the owner sees who is due for deletion, why one is held, and approves the rest', async ({ page, host }) => {
  const due = await createPerson(host, { firstName: 'Eero', lastName: 'Jääskeläinen', email: 'eero@example.fi' });
  const held = await createPerson(host, { firstName: 'Helmi', lastName: 'Hämäläinen', email: 'helmi@example.fi' });
  await createPerson(host, { firstName: 'Olli', lastName: 'Tuore', email: 'olli@example.fi' });
  await call(host, 'orders.add', {
    personId: held,
    orderedOn: '2018-03-01',
    description: 'Hieronta 60 min',
    amountCents: 6500,
    invoiceStatus: 'open',
  });
  makeDue(host, [due, held]);

  // The dashboard loaded before the seeding: go away and back so it counts again.
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Asiakkaat' }).click();
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByTestId('due-count')).toHaveText('1 henkilöä erääntynyt poistettavaksi');
  await page.getByRole('button', { name: 'Avaa säilytys ja poistot' }).click();
  await expect(page.getByRole('heading', { name: 'Säilytysajat ja poistot' })).toBeVisible();
  const heldRow = page.getByRole('row', { name: /Helmi Hämäläinen/ });
  await expect(heldRow).toContainText('Avoin lasku');
  await expect(heldRow.getByRole('checkbox')).toBeDisabled();
  await expect(page.getByRole('row', { name: /Olli Tuore/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '20-retention-review');

  await page.getByLabel('Valitse Eero Jääskeläinen').check();
  await page.getByRole('button', { name: 'Hyväksy valittujen poisto (1)' }).click();
  await expect(page.getByRole('dialog', { name: 'Poistetaanko pysyvästi?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await expect(page.getByText('Poistettu 1. Pidossa 0. Ei erääntynyt 0.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Eero Jääskeläinen/ })).toHaveCount(0);
  expect(host.registry.session.current!.db.select().from(persons).where(eq(persons.id, due)).all()).toEqual([]);

  await heldRow.getByRole('button', { name: 'Lisää este' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog.getByText('Pakollinen tieto.')).toBeVisible();
  await dialog.getByLabel('Syy (esimerkiksi perintä kesken)').fill('Perintä kesken');
  // The date is typed the Finnish way, as everywhere else; a wrong one is named, not sent.
  await dialog.getByLabel('Voimassa päivään (valinnainen)').fill('31.13.2030');
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog.getByText('Anna päivämäärä muodossa p.k.vvvv, esim. 15.3.2026.')).toBeVisible();
  await dialog.getByLabel('Voimassa päivään (valinnainen)').fill('31.12.2030');
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(heldRow).toContainText('Este: Perintä kesken');

  const inactive = page.getByRole('form', { name: 'Ei toimintaa', exact: true });
  await expect(inactive).toContainText('5 vuotta viimeisestä asioinnista');
  await inactive.getByLabel('Aika').fill('8');
  await inactive.getByRole('button', { name: 'Tallenna sääntö' }).click();
  await expect(inactive.getByRole('status')).toHaveText('Tallennettu.');
  await expect(inactive).toContainText('8 vuotta viimeisestä asioinnista');
  await expect(page.getByText('Ei poistettavia henkilöitä tänään.')).toBeVisible();

  // A rule for one group, in months: by keyboard, as the owner may work.
  await page.getByRole('button', { name: 'Lisää valvottava sääntö' }).click();
  const added = page.getByRole('form', { name: 'Uusi sääntö' });
  await added.getByLabel('Aika').fill('6');
  await added.getByLabel('Yksikkö').selectOption('months');
  await expect(added).toContainText('6 kuukautta viimeisestä asioinnista');
  const on = added.getByRole('checkbox').first();
  await on.focus();
  await on.press('Space');
  await expect(on).toBeChecked();
  await added.getByRole('checkbox', { name: 'Potentiaalinen asiakas' }).press('Space');
  await added.getByRole('button', { name: 'Lisää sääntö' }).press('Enter');
  const sixMonths = page.getByRole('form', { name: 'Ei toimintaa – inactive-2' });
  await expect(sixMonths).toContainText('6 kuukautta viimeisestä asioinnista');
  await expect(sixMonths.getByRole('checkbox', { name: 'Potentiaalinen asiakas' })).toBeChecked();

  // A rule Kaappi cannot enforce: printed, and marked as the owner's to keep.
  await page.getByRole('button', { name: 'Lisää itse huolehdittava sääntö' }).click();
  const stated = page.getByRole('form', { name: 'Uusi sääntö' });
  await stated.getByRole('button', { name: 'Lisää sääntö' }).click();
  await expect(stated.getByText('Kirjoita sääntö sekä suomeksi että englanniksi.').first()).toBeVisible();
  await stated
    .getByLabel('Sääntö suomeksi (tulostuu selosteeseen)')
    .fill('Paperilomakkeet hävitetään kahden vuoden kuluttua.');
  await stated
    .getByLabel('Sääntö englanniksi (tulostuu selosteeseen)')
    .fill('Paper forms are destroyed after two years.');
  await stated.getByRole('button', { name: 'Lisää sääntö' }).click();
  const own = page.getByRole('form', { name: 'Oma sääntö – stated-2' });
  await expect(own).toContainText('Kaappi ei valvo tätä sääntöä – huolehdi siitä itse.');
  await expectAccessible(page);
  await own.getByRole('button', { name: 'Poista sääntö' }).click();
  await expect(own).toHaveCount(0);
  await screenshot(page, '21-retention-policies');
});

test('a long review list comes a page at a time, and approving all deletes everyone due on every page', async ({
  page,
  host,
}) => {
  const ids = await seedDue(host, 61);
  const pager = await openReview(page);
  const rows = page.locator('table.table tbody tr');
  await expect(pager).toContainText('Henkilöt 1–50 / 61');
  await expect(rows).toHaveCount(50);
  await pager.getByRole('button', { name: 'Seuraavat →' }).click();
  await expect(pager).toContainText('Henkilöt 51–61 / 61');
  await expect(rows).toHaveCount(11);
  await expectAccessible(page);
  await screenshot(page, '21-retention-review-pages');

  // Back on the first page she approves its last person: the next page starts after the first
  // page as it is now, one person later than before, and shows none of them twice.
  await pager.getByRole('button', { name: '← Edelliset' }).click();
  await expect(pager).toContainText('Henkilöt 1–50 / 61');
  await rows.last().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Hyväksy valittujen poisto (1)' }).click();
  await page.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await expect(page.getByText('Poistettu 1. Pidossa 0. Ei erääntynyt 0.')).toBeVisible();
  await expect(pager).toContainText('Henkilöt 1–50 / 60');
  await expect(page.locator('table.table')).toHaveAttribute('aria-busy', 'false');
  const lastOnFirst = await rows.last().getByRole('checkbox').getAttribute('aria-label');
  await pager.getByRole('button', { name: 'Seuraavat →' }).click();
  await expect(pager).toContainText('Henkilöt 51–60 / 60');
  await expect(rows).toHaveCount(10);
  await expect(page.getByLabel(lastOnFirst!)).toHaveCount(0);

  // "Select all" is decided in main: if who can be deleted changes before she confirms (here a
  // colleague adds a hold), nothing is deleted and she is told to look again.
  await page.getByLabel('Valitse kaikki poistettavissa olevat (60)').check();
  await expect(page.getByText('Kaikki 60 poistettavissa olevaa on valittu, myös muilta sivuilta.')).toBeVisible();
  const firstRow = page.locator('table.table tbody input[type=checkbox]').first();
  await expect(firstRow).toBeChecked();
  await expect(firstRow).toBeDisabled();
  await page.getByRole('button', { name: 'Hyväksy valittujen poisto (60)' }).click();
  await call(host, 'retention.addHold', { personId: ids[0]!, reason: 'Perintä kesken', until: null });
  await page.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Poistettavat henkilöt ovat muuttuneet listan avaamisen jälkeen.',
  );
  expect(host.registry.session.current!.db.select().from(persons).where(inArray(persons.id, ids)).all()).toHaveLength(
    60,
  );
  await screenshot(page, '21-retention-select-all-changed');

  await page.getByLabel('Valitse kaikki poistettavissa olevat (59)').check();
  await page.getByRole('button', { name: 'Hyväksy valittujen poisto (59)' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await expect(page.getByText('Poistettu 59. Pidossa 0. Ei erääntynyt 0.')).toBeVisible({ timeout: 30_000 });
  await expect(pager).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Este: Perintä kesken/ })).toBeVisible();
  const left = host.registry.session
    .current!.db.select({ id: persons.id })
    .from(persons)
    .where(inArray(persons.id, ids));
  expect(left.all()).toEqual([{ id: ids[0] }]);
});

test('after approving everyone on later pages, the review starts again from its first page', async ({ page, host }) => {
  // 160 due the same day; every other one of the first 140 is held, so 70 stay after "approve all".
  const ids = await seedDue(host, 160);
  const held = ids.filter((_, i) => i < 140 && i % 2 === 0);
  for (const personId of held) await call(host, 'retention.addHold', { personId, reason: 'Riita', until: null });
  const pager = await openReview(page);
  const next = pager.getByRole('button', { name: 'Seuraavat →' });
  await expect(pager).toContainText('Henkilöt 1–50 / 160');
  // A double click moves one page: the second comes while that page is read.
  await next.dblclick();
  await expect(pager).toContainText('Henkilöt 51–100 / 160');
  await expect(page.locator('table.table')).toHaveAttribute('aria-busy', 'false');
  await next.click();
  await expect(pager).toContainText('Henkilöt 101–150 / 160');

  await page.getByLabel('Valitse kaikki poistettavissa olevat (90)').check();
  await page.getByRole('button', { name: 'Hyväksy valittujen poisto (90)' }).click();
  await page.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await expect(page.getByText('Poistettu 90. Pidossa 0. Ei erääntynyt 0.')).toBeVisible({ timeout: 30_000 });
  // The 70 held, from the first: the pages it knew before no longer start where they did.
  await expect(pager).toContainText('Henkilöt 1–50 / 70');
  const rows = page.locator('table.table tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Virtanen-000');
  await next.click();
  await expect(pager).toContainText('Henkilöt 51–70 / 70');
  await expect(rows).toHaveCount(20);
  await expect(rows.last()).toContainText('Nieminen-138');
});

test('with every deletion rule switched off, the review page and the home card say nobody is deleted', async ({
  page,
  host,
}) => {
  // Every rule but one off, as a careless owner might leave them; she switches off the last one.
  const policies = (await call(host, 'retention.policies', {})) as { key: string; kind: string; active: boolean }[];
  const enforced = policies.filter((p) => p.kind === 'enforced' && p.active && p.key !== 'passive_not_moved');
  for (const policy of enforced) await call(host, 'retention.updatePolicy', { key: policy.key, active: false });
  const menu = page.getByRole('navigation', { name: 'Päävalikko' });
  await menu.getByRole('link', { name: 'Säilytys ja poistot' }).click();
  await expect(page.getByText('Ei poistettavia henkilöitä tänään.')).toBeVisible();
  await expect(page.getByTestId('no-retention-rule')).toHaveCount(0);
  const lastRule = page.getByRole('form', { name: 'Passivoitu, ei siirtynyt', exact: true });
  await lastRule.getByRole('checkbox').first().uncheck();
  await lastRule.getByRole('button', { name: 'Tallenna sääntö' }).click();
  await expect(lastRule.getByRole('status')).toHaveText('Tallennettu.');

  const warning = page.getByTestId('no-retention-rule');
  await expect(warning).toContainText('Yksikään poistosääntö ei ole käytössä');
  await expect(page.getByText('Ei poistettavia henkilöitä tänään.')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '21-retention-no-rule');

  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByTestId('due-count')).toHaveText(
    'Yksikään poistosääntö ei ole käytössä, joten Kaappi ei poista ketään.',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ota poistosääntö käyttöön' }).click();
  await lastRule.getByRole('checkbox').first().check();
  await lastRule.getByRole('button', { name: 'Tallenna sääntö' }).click();
  await expect(lastRule.getByRole('status')).toHaveText('Tallennettu.');
  await expect(warning).toHaveCount(0);
  await expect(page.getByText('Ei poistettavia henkilöitä tänään.')).toBeVisible();
  await menu.getByRole('link', { name: 'Etusivu' }).click();
  await expect(page.getByTestId('due-count')).toHaveText('Ei poistettavaksi erääntyneitä henkilöitä.');
});
