// Helpers for the register's e2e tests: log in through the UI, then seed persons and
// organizations straight through the host's registry (the same handlers the UI calls).
import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { persons } from '../../src-main/db/schema-register';
import { expect, OWNER } from './fixtures';
import { addUserThroughRegistry } from '../fixtures/registry';
import type { TestHost } from './host/server';
import { writableDb } from '../fixtures/writable';

export async function logIn(page: Page, host: TestHost): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('Käyttäjätunnus').fill(OWNER.username);
  await page.getByLabel('Salasana', { exact: true }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('heading', { name: /Tervetuloa/ })).toBeVisible();
}

export async function openContacts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Asiakkaat' }).click();
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible();
}

async function call<T>(host: TestHost, channel: string, input: unknown): Promise<T> {
  const result = await host.registry.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const FIRST = ['Aino', 'Eero', 'Helmi', 'Ilmari', 'Kaisa', 'Lauri', 'Minna', 'Olli', 'Päivi', 'Sami', 'Tiina', 'Väinö'];
const LAST = ['Virtanen', 'Korhonen', 'Nieminen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen'];
const CITIES = ['Jyväskylä', 'Tampere', 'Oulu', 'Kuopio', 'Turku'];

export function personInput(overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Aino',
    lastName: 'Virtanen',
    jobTitle: null,
    phone: null,
    email: null,
    street: null,
    postalCode: null,
    city: null,
    country: 'FI',
    birthDate: null,
    age: null,
    www: null,
    ipAddress: null,
    notes: null,
    language: 'fi',
    sourceKey: 'booking',
    informedOn: '2025-01-10',
    informedHow: null,
    kindKey: 'customer',
    ...overrides,
  };
}

/** Creates `count` realistic persons, named so that sorting by last name is predictable. */
export async function seedPersons(host: TestHost, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const number = String(i).padStart(3, '0');
    const person = personInput({
      firstName: FIRST[i % FIRST.length],
      lastName: `${LAST[i % LAST.length]}-${number}`,
      email: `asiakas${number}@example.fi`,
      phone: `+35840${String(1_000_000 + i)}`,
      postalCode: '40100',
      city: CITIES[i % CITIES.length],
    });
    ids.push((await call<{ id: number }>(host, 'persons.create', { person })).id);
  }
  return ids;
}

export async function createPerson(host: TestHost, overrides: Record<string, unknown> = {}): Promise<number> {
  return (await call<{ id: number }>(host, 'persons.create', { person: personInput(overrides) })).id;
}

/** Marks a person restricted (GDPR Art. 18); the request screens that do this come later. */
export function restrict(host: TestHost, personId: number): void {
  const register = host.registry.session.current;
  if (!register) throw new Error('not logged in');
  writableDb(register).update(persons).set({ restricted: true }).where(eq(persons.id, personId)).run();
}

/**
 * Adds a user through the host's registry and has them choose `user.password` as their own at a
 * first login there, as the app requires; the owner's session is back afterwards.
 */
export function addUserWithOwnPassword(
  host: TestHost,
  user: { username: string; displayName: string; role: string; password: string; confidentialitySignedOn: string },
) {
  return addUserThroughRegistry((channel, input) => call(host, channel, input), user);
}

export { call };

/** The accountant's read-only account, which the owner adds to show what a reader is offered. */
export const BOOKKEEPER = {
  username: 'kirjanpito',
  displayName: 'Tilitoimisto Oy',
  role: 'readonly',
  password: 'Tilinpäätös-Maaliskuu-2026',
  confidentialitySignedOn: '2026-01-20',
};

/** On the login form, picks "Muu käyttäjä…" and logs in as `user` with their password. */
export async function logInAsOtherUser(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Käyttäjä', { exact: true }).selectOption({ label: 'Muu käyttäjä…' });
  await page.getByLabel('Käyttäjätunnus').fill(user.username);
  await page.getByLabel('Salasana', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
}

/**
 * Erases a person the way the owner does on the retention page: the person has been inactive
 * for years (the default rule is five), and the owner approves the deletion. The erasure goes
 * to the erasure ledger beside the register, as every erasure does.
 */
export async function eraseThroughRetention(host: TestHost, personId: number): Promise<void> {
  const register = host.registry.session.current;
  if (!register) throw new Error('not logged in');
  writableDb(register).update(persons).set({ lastActivityOn: '2019-01-01' }).where(eq(persons.id, personId)).run();
  const { erased } = await call<{ erased: number[] }>(host, 'retention.approve', { personIds: [personId] });
  if (!erased.includes(personId)) throw new Error(`person ${personId} was not erased`);
}

/** A calendar date `days` before today (local time, as the forms use), as YYYY-MM-DD. */
export function isoDaysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Records a data-subject request through the registry, as if received on `receivedOn`. */
export async function receiveRequest(
  host: TestHost,
  overrides: Record<string, unknown> & { personIds: number[] },
): Promise<number> {
  const request = {
    type: 'access',
    receivedOn: isoDaysAgo(0),
    channel: 'email',
    language: 'fi',
    requesterName: 'Aino Virtanen',
    requesterContact: 'aino.virtanen@example.fi',
    body: '',
    attachments: [],
    ...overrides,
  };
  return (await call<{ id: number }>(host, 'requests.receive', request)).id;
}

/** Opens a step of the settings from the step list, as a user would; the settings screen is open. */
export async function settingsStep(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Asetusten vaiheet' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  const heading = page.locator('#settings-step-title');
  await expect(heading).toHaveText(name);
  await expect(heading).toBeFocused();
}

/** Opens the settings from the main menu at the given step. */
export async function openSettingsStep(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Asetukset' }).click();
  await expect(page.getByRole('heading', { name: 'Asetukset', level: 1 })).toBeVisible();
  await settingsStep(page, name);
}

/** Adds data categories to the register's notice, as the owner would in the settings' data step. */
export async function declareData(host: TestHost, ...keys: string[]): Promise<void> {
  const profile = await call<{ notice: { dataCategories: Array<{ key: string }> } }>(
    host,
    'settings.registerProfile',
    {},
  );
  for (const key of keys) profile.notice.dataCategories.push({ key, label: { fi: '', en: '' } } as { key: string });
  await call(host, 'settings.updateRegisterProfile', profile);
}
