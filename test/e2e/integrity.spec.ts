// The home screen's self-check names every part that fails, including the consent state the
// customer table filters on, or the due days the retention review counts, when they no longer
// match what they are derived from.
import { eq, sql } from 'drizzle-orm';
import { persons } from '../../src-main/db/schema-register';
import { expect, expectAccessible, screenshot } from './fixtures';
import { test } from './owner-fixtures';
import { createPerson } from './register-fixtures';
import { writableDb } from '../fixtures/writable';

test('the integrity check passes, then reports consent state that differs from its entries', async ({ page, host }) => {
  const id = await createPerson(host, { firstName: 'Tuula', lastName: 'Tila', email: 'tuula@example.fi' });
  const card = page.getByRole('region', { name: 'Rekisterin eheys' });
  await card.getByRole('button', { name: 'Tarkista nyt' }).click();
  await expect(card.getByRole('status')).toContainText('Kunnossa');
  await expect(card.getByRole('status')).not.toContainText('suostumustila');

  // As if someone with the file had set a consent bit by hand, behind the events' back.
  writableDb(host.registry.session.current!)
    .update(persons)
    .set({ consentsGranted: 1 })
    .where(eq(persons.id, id))
    .run();
  await card.getByRole('button', { name: 'Tarkista nyt' }).click();
  await expect(card.getByRole('status')).toContainText(
    'asiakastaulukon suostumustila poikkeaa suostumusmerkinnöistä (1 henkilöä)',
  );
  await expectAccessible(page);
  await screenshot(page, '66-integrity-derived-differs');
});

test('the integrity check reports a due day changed past its trigger, apart from consent state', async ({
  page,
  host,
}) => {
  const id = await createPerson(host, { firstName: 'Paavo', lastName: 'Päivä', email: 'paavo@example.fi' });
  const card = page.getByRole('region', { name: 'Rekisterin eheys' });
  // As if someone with the file had dropped the trigger and moved the day the review counts by.
  const db = writableDb(host.registry.session.current!);
  db.run(sql`DROP TRIGGER persons_due_update`);
  db.update(persons).set({ dueOn: '2001-01-01' }).where(eq(persons.id, id)).run();
  await card.getByRole('button', { name: 'Tarkista nyt' }).click();
  await expect(card.getByRole('status')).toContainText(
    'asiakastaulukon poistopäivä tai poiston este poikkeaa säilytyssäännöistä ja tiedoista (1 henkilöä)',
  );
  await expect(card.getByRole('status')).not.toContainText('suostumustila');
  await expectAccessible(page);
  await screenshot(page, '67-integrity-due-state-differs');
});
