// Field rules at the edges, through the real handler registry over a real encrypted register: a
// confidentiality agreement's date, a phone number with an extension, a country code. Each is
// refused with a field error in the user's language and changes nothing.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../src-shared/fields';
import { contract, validate } from '../../src-shared/contract';
import { newTestRegistry, refusalOf, snapshot, withOwnerSession, type TestRegistry } from '../fixtures/registry';
import { OWNER, STAFF } from '../fixtures/register';

let t: TestRegistry;
afterEach(() => t?.cleanup());

const errorOf = (channel: string, input: unknown) => refusalOf(t, channel, input);

describe('the date a confidentiality agreement was signed', () => {
  it('is refused before 1900 by every channel that takes one, as a field error in Finnish and English', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const before = snapshot(t);
    for (const date of ['0000-01-01', '1899-12-31']) {
      expect(await errorOf('users.add', { ...STAFF, confidentialitySignedOn: date })).toMatchObject({
        code: 'INVALID_INPUT',
        fields: [{ path: 'confidentialitySignedOn', message: 'Päivämäärä ei voi olla ennen vuotta 1900.' }],
      });
    }
    await t.call('app.setLanguage', { language: 'en' });
    const early = { confidentialitySignedOn: '0000-01-01' };
    expect(await errorOf('users.changeRole', { userId: 1, role: 'staff', ...early })).toMatchObject({
      fields: [{ path: 'confidentialitySignedOn', message: 'The date cannot be before 1900.' }],
    });
    expect(await errorOf('users.recordConfidentiality', { userId: 1, signedOn: '1899-12-31' })).toMatchObject({
      fields: [{ path: 'signedOn', message: 'The date cannot be before 1900.' }],
    });
    expect(snapshot(t)).toBe(before);
    await expect(t.call('users.add', { ...STAFF, confidentialitySignedOn: '1900-01-01' })).resolves.toMatchObject({
      confidentialitySignedOn: '1900-01-01',
    });
  });

  it('is refused after today by the register’s clock (9999-12-31, tomorrow), and today is taken', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const before = snapshot(t);
    // The test clock stands at 2026-11-23 in Finland.
    for (const date of ['9999-12-31', '2026-11-24']) {
      expect(await errorOf('users.add', { ...STAFF, confidentialitySignedOn: date })).toMatchObject({
        code: 'DATE_IN_FUTURE',
        message: 'Päivämäärä ei voi olla tulevaisuudessa.',
      });
    }
    expect(snapshot(t)).toBe(before);
    await expect(t.call('users.add', { ...STAFF, confidentialitySignedOn: '2026-11-23' })).resolves.toMatchObject({
      username: 'eero',
    });
  });

  it('is refused after today when the register is created, and no register is made', async () => {
    t = newTestRegistry();
    const owner = { ...OWNER, confidentialitySignedOn: '2030-01-01' };
    expect(await errorOf('register.create', owner)).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(existsSync(t.registerPath)).toBe(false);
    const early = { ...owner, confidentialitySignedOn: '0000-01-01' };
    expect(validate(contract['register.create'].input, early, 'en')).toMatchObject({
      ok: false,
      fields: [{ path: 'confidentialitySignedOn', message: 'The date cannot be before 1900.' }],
    });
  });
});

const AINO = {
  firstName: 'Aino',
  lastName: 'Mäkinen',
  jobTitle: '',
  phone: '',
  email: 'aino.makinen@example.fi',
  street: '',
  postalCode: '',
  city: '',
  country: 'FI',
  birthDate: '',
  age: '',
  www: '',
  ipAddress: '',
  notes: '',
  language: 'fi',
  sourceKey: '',
  informedOn: '',
  informedHow: '',
  kindKey: 'customer',
};

describe('a phone number with an extension', () => {
  it('is refused, not stored without its extension, in every form people write one', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const before = snapshot(t);
    for (const phone of ['040 123 4567 ext 99', '+358 40 123 4567 x99', '040 1234567#99', '09 123 4567 extension 12']) {
      expect(await errorOf('persons.create', { person: { ...AINO, phone } })).toMatchObject({
        code: 'INVALID_INPUT',
        fields: [
          { path: 'person.phone', message: expect.stringMatching(/^Puhelinnumeroon ei voi tallentaa alanumeroa/) },
        ],
      });
    }
    await t.call('app.setLanguage', { language: 'en' });
    const organization = {
      name: 'Hehku Wellness Oy',
      businessId: '',
      street: '',
      postalCode: '',
      city: '',
      country: 'FI',
      phone: '014 123 456 ext 3',
      email: '',
      www: '',
    };
    expect(await errorOf('organizations.create', { organization })).toMatchObject({
      fields: [
        { path: 'organization.phone', message: expect.stringMatching(/^A phone number cannot be stored with an/) },
      ],
    });
    expect(snapshot(t)).toBe(before);
    await expect(t.call('persons.create', { person: { ...AINO, phone: '040 123 4567' } })).resolves.toMatchObject({
      phone: '+358401234567',
    });
  });
});

describe('a country code', () => {
  it('is one of the 249 ISO 3166-1 codes or XK (Kosovo), each a region CLDR has a name for', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(COUNTRY_CODES.size).toBe(250);
    expect([...COUNTRY_CODES].filter((code) => !/^[A-Z]{2}$/.test(code) || names.of(code) === code)).toEqual([]);
    expect(['ZZ', 'UK', 'EU', 'AA', 'QO', 'XX'].filter((code) => COUNTRY_CODES.has(code))).toEqual([]);
  });

  it('that names no country (ZZ, UK) is refused as a field error; any case of a real one is taken', async () => {
    t = newTestRegistry();
    await withOwnerSession(t);
    const before = snapshot(t);
    expect(await errorOf('persons.create', { person: { ...AINO, country: 'ZZ' } })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [
        { path: 'person.country', message: expect.stringMatching(/^Anna maa kaksikirjaimisena ISO-maakoodina/) },
      ],
    });
    await t.call('app.setLanguage', { language: 'en' });
    expect(await errorOf('persons.create', { person: { ...AINO, country: 'uk' } })).toMatchObject({
      fields: [{ path: 'person.country', message: expect.stringMatching(/^Enter the country as its two-letter ISO/) }],
    });
    const rectification = validate(
      contract['requests.setRectification'].input,
      { id: 1, changes: { country: 'ZZ' } },
      'en',
    );
    expect(rectification).toMatchObject({ ok: false, fields: [{ path: 'changes.country' }] });
    expect(snapshot(t)).toBe(before);
    const created = await t.call<{ country: string }>('persons.create', { person: { ...AINO, country: 'se' } });
    expect(created.country).toBe('SE');
    const blank = { ...AINO, email: 'a.m@example.fi', country: '' };
    expect((await t.call<{ country: string }>('persons.create', { person: blank })).country).toBe('FI');
  });
});
