import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src-main/db/schema';
import { persons } from '../../src-main/db/schema-register';
import { mayContact, recordConsents } from '../../src-main/core/consents';
import { KaappiError } from '../../src-shared/errors';
import { createOrganization } from '../../src-main/core/organizations';
import {
  addOrder,
  createPerson,
  moveToOrganization,
  passivatePersons,
  personDetail,
  searchPersons,
  updatePerson,
} from '../../src-main/core/persons';
import { registerForThisTest } from '../fixtures/for-this-test';
import { organization, person } from '../fixtures/people';
import { writableDb } from '../fixtures/writable';

const search = (register: Parameters<typeof searchPersons>[0], text: string) =>
  searchPersons(register, { text, offset: 0, limit: 50 }).rows.map((r) => `${r.firstName} ${r.lastName}`);

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof KaappiError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('persons', () => {
  it('are found by name with or without diacritics, by phone as typed, and by their organization', async () => {
    const { register } = await registerForThisTest();
    const org = createOrganization(register, organization());
    createPerson(register, person(), { organizationId: org.id });
    createPerson(
      register,
      person({ firstName: 'Eero', lastName: 'Jääskeläinen', email: 'eero@example.fi', phone: '+358501112222' }),
    );
    expect(search(register, 'makinen')).toEqual(['Aino Mäkinen']);
    expect(search(register, 'MÄKI')).toEqual(['Aino Mäkinen']);
    expect(search(register, 'jaaskel')).toEqual(['Eero Jääskeläinen']);
    expect(search(register, '040 123 4567')).toEqual(['Aino Mäkinen']);
    expect(search(register, '+358 50 111')).toEqual(['Eero Jääskeläinen']);
    expect(search(register, 'hehku')).toEqual(['Aino Mäkinen']);
    expect(search(register, 'jyväskylä')).toHaveLength(2);
    expect(search(register, '"; DROP TABLE persons; --')).toEqual([]);
  });

  it('treat email addresses case-insensitively as unique', async () => {
    const { register } = await registerForThisTest();
    createPerson(register, person());
    expect(codeOf(() => createPerson(register, person({ email: 'AINO.MAKINEN@example.fi' })))).toBe('EMAIL_TAKEN');
    expect(searchPersons(register, { offset: 0, limit: 10 }).total).toBe(1);
  });

  it('keep their employment history when moved, and record the passivation date', async () => {
    const { register, deps } = await registerForThisTest();
    const first = createOrganization(register, organization());
    const second = createOrganization(register, organization({ name: 'Kehobalanssi', businessId: '0112038-9' }));
    const aino = createPerson(register, person(), { organizationId: first.id, title: 'HR' });
    deps.clock.advanceMs(86_400_000 * 30);
    moveToOrganization(register, [aino.id], { organizationId: second.id, title: 'Toimitusjohtaja' });
    let detail = personDetail(register, aino.id);
    expect(detail.employments.map((e) => [e.organizationName, e.endedOn === null])).toEqual([
      ['Kehobalanssi', true],
      ['Hehku Wellness Oy', false],
    ]);
    expect(search(register, 'kehobalanssi')).toEqual(['Aino Mäkinen']);
    expect(search(register, 'hehku')).toEqual([]);

    passivatePersons(register, [aino.id], '2026-12-01');
    detail = personDetail(register, aino.id);
    expect(detail.person).toMatchObject({ status: 'passive', passivatedOn: '2026-12-01' });
    expect(detail.employments.every((e) => e.endedOn !== null)).toBe(true);
  });

  it('count orders and customer-reported changes as activity, but not a staff member viewing', async () => {
    const { register, deps } = await registerForThisTest();
    const aino = createPerson(register, person());
    expect(aino.lastActivityOn).toBe('2026-11-23');
    deps.clock.set(new Date('2027-03-01T10:00:00Z'));
    personDetail(register, aino.id);
    updatePerson(register, aino.id, { notes: 'Selkävaivoja' });
    expect(personDetail(register, aino.id).person.lastActivityOn).toBe('2026-11-23');
    addOrder(register, aino.id, {
      orderedOn: '2027-02-15',
      description: 'Hieronta 60 min',
      amountCents: 6500,
      invoiceStatus: 'paid',
    });
    expect(personDetail(register, aino.id).person.lastActivityOn).toBe('2027-02-15');
    updatePerson(register, aino.id, { street: 'Uusikatu 3' }, { customerActivity: true });
    expect(personDetail(register, aino.id).person.lastActivityOn).toBe('2027-03-01');
  });

  it('log views and changes in the audit log without personal data', async () => {
    const { register } = await registerForThisTest();
    const aino = createPerson(register, person());
    updatePerson(register, aino.id, { email: 'uusi@example.fi' });
    personDetail(register, aino.id);
    const rows = register.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'person'), eq(auditLog.targetId, String(aino.id))))
      .all();
    expect(rows.map((r) => r.action)).toEqual(['person.created', 'person.updated', 'person.viewed']);
    const text = JSON.stringify(rows);
    for (const secret of ['Aino', 'Mäkinen', 'uusi@example.fi', '+358']) expect(text).not.toContain(secret);
    expect(rows[1]?.details).toBe('{"fields":"email","customerActivity":false}');
  });
});

describe('consents and bans', () => {
  it('derive the state from events; a direct-marketing ban overrides a channel consent; restriction answers no', async () => {
    const { register, deps } = await registerForThisTest();
    const aino = createPerson(register, person());
    const at = () => deps.clock.now().toISOString();
    expect(mayContact(register.db, aino.id, 'email', 'marketing', at(), 'optIn')).toEqual({
      allowed: false,
      reasons: ['no_channel_consent'],
    });

    recordConsents(register, aino.id, [
      {
        subject: 'email',
        granted: true,
        method: 'form',
        evidence: 'Haluan uutiskirjeen sähköpostiini (lomake 3.2.2026)',
      },
    ]);
    expect(mayContact(register.db, aino.id, 'email', 'marketing', at(), 'optIn').allowed).toBe(true);
    expect(mayContact(register.db, aino.id, 'sms', 'marketing', at(), 'optIn').reasons).toEqual(['no_channel_consent']);

    deps.clock.advanceMs(60_000);
    recordConsents(register, aino.id, [
      {
        subject: 'ban_direct_marketing',
        granted: true,
        method: 'email',
        evidence: 'Sähköposti 5.3.: "älkää lähettäkö mainoksia"',
      },
    ]);
    expect(mayContact(register.db, aino.id, 'email', 'marketing', at(), 'optIn')).toEqual({
      allowed: false,
      reasons: ['direct_marketing_ban'],
    });
    expect(personDetail(register, aino.id).consentHistory.map((e) => e.subject)).toEqual([
      'ban_direct_marketing',
      'email',
    ]);

    writableDb(register).update(persons).set({ restricted: true }).where(eq(persons.id, aino.id)).run();
    expect(mayContact(register.db, aino.id, 'email', 'marketing', at(), 'optIn').reasons).toContain('restricted');
    expect(codeOf(() => updatePerson(register, aino.id, { notes: 'x' }))).toBe('PERSON_RESTRICTED');
    // Setting a ban is what a restricted person may still ask for.
    recordConsents(register, aino.id, [
      { subject: 'ban_research', granted: true, method: 'request', evidence: 'Pyyntö 12' },
    ]);
  });

  it('answer for a past day from the events that had taken effect then', async () => {
    const { register } = await registerForThisTest();
    const aino = createPerson(register, person());
    recordConsents(register, aino.id, [
      {
        subject: 'post',
        granted: true,
        method: 'import',
        evidence: 'Mailchimp opt-in',
        effectiveAt: '2026-01-10T08:00:00.000Z',
      },
      { subject: 'post', granted: false, method: 'letter', evidence: 'Kirje', effectiveAt: '2026-06-01T08:00:00.000Z' },
    ]);
    expect(mayContact(register.db, aino.id, 'post', 'listing', '2026-03-01T00:00:00.000Z', 'optIn').allowed).toBe(true);
    expect(mayContact(register.db, aino.id, 'post', 'listing', '2026-07-01T00:00:00.000Z', 'optIn').allowed).toBe(
      false,
    );
  });
});
