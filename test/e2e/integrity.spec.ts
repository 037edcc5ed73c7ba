// The home screen's self-check names every part that fails, including the consent state the
// customer table filters on when it no longer matches the consent entries.
import { eq } from 'drizzle-orm';
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
