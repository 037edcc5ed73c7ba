import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src-main/db/schema';
import { persons } from '../../src-main/db/schema-register';
import { finnishDate } from '../../src-main/core/clock';
import { consentState, mayContact } from '../../src-main/core/consents';
import { readKeyringFile, unlockWithPassword } from '../../src-main/core/keyring';
import { createOrganization } from '../../src-main/core/organizations';
import { addOrder, createPerson, personRecord, updatePerson } from '../../src-main/core/persons';
import {
  addMonths,
  completeRequest,
  extendDeadline,
  getRequest,
  liftRestriction,
  listRequests,
  markRecipientTold,
  receiveRequest,
  refuseRequest,
  requestCounts,
  setRectification,
  startRequest,
  suggestSubjects,
  verifyIdentity,
  requestDocumentHtml,
  writeRequestDocument,
  type NewRequest,
} from '../../src-main/core/requests';
import { dueForDeletion } from '../../src-main/core/retention';
import { organization, person } from '../fixtures/people';
import { registerForThisTest } from '../fixtures/for-this-test';
import { OWNER } from '../fixtures/register';
import { decryptedPages, findInPages } from '../fixtures/sqlcipher-pages';

async function setup() {
  const created = await registerForThisTest();
  const { register, deps } = created;
  const receive = (overrides: Partial<NewRequest> = {}) =>
    receiveRequest(register, {
      type: 'access',
      receivedOn: finnishDate(deps.clock.now()),
      channel: 'letter',
      language: 'fi',
      requesterName: 'Aino Mäkinen',
      requesterContact: 'aino.makinen@example.fi',
      body: 'Pyydän saada tietää, mitä tietoja minusta on tallennettu.',
      personIds: [],
      ...overrides,
    });
  /** Through identity check and into progress, as the inbox does it. */
  const ready = (id: number) => {
    verifyIdentity(register, id, { means: 'in_person_id', note: 'Ajokortti tarkistettu' });
    return startRequest(register, id);
  };
  return { ...created, receive, ready };
}

describe('deadlines', () => {
  it('are one month from receipt, the last day of a shorter month, and extend by at most two more', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-23', 1)).toBe('2026-12-23');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('mark a request due soon seven days ahead, overdue the day after, and count them for the dashboard', async () => {
    const { register, receive, travelTo } = await setup();
    const aino = createPerson(register, person());
    const request = receive({ personIds: [aino.id] }); // received 2026-11-23, due 2026-12-23
    expect(request).toMatchObject({ dueOn: '2026-12-23', deadline: '2026-12-23', urgency: 'ok', daysLeft: 30 });
    travelTo('2026-12-15');
    expect(getRequest(register, request.id).urgency).toBe('ok');
    travelTo('2026-12-16');
    expect(getRequest(register, request.id)).toMatchObject({ urgency: 'due_soon', daysLeft: 7 });
    travelTo('2026-12-23');
    expect(getRequest(register, request.id).urgency).toBe('due_soon');
    travelTo('2026-12-24');
    expect(getRequest(register, request.id)).toMatchObject({ urgency: 'overdue', daysLeft: -1 });
    expect(requestCounts(register)).toEqual({ open: 1, overdue: 1, dueSoon: 0 });
    expect(listRequests(register, { overdue: true }).map((r) => r.id)).toEqual([request.id]);
  });

  it('extend only within two further months, and only when the person was told within the first', async () => {
    const { register, receive, travelTo } = await setup();
    const request = receive({ personIds: [createPerson(register, person()).id] });
    travelTo('2026-12-10');
    const extend = (extendedTo: string, toldOn: string) =>
      extendDeadline(register, request.id, { extendedTo, toldOn, reason: 'Laaja pyyntö, useita tietolähteitä' });
    expect(() => extend('2027-02-24', '2026-12-10')).toThrow('EXTENSION_INVALID');
    expect(() => extend('2027-02-23', '2026-12-24')).toThrow('EXTENSION_INVALID');
    expect(getRequest(register, request.id).extendedTo).toBeNull();
    const extended = extend('2027-02-23', '2026-12-10');
    expect(extended).toMatchObject({ deadline: '2027-02-23', extensionToldOn: '2026-12-10', urgency: 'ok' });
    travelTo('2027-01-05');
    expect(getRequest(register, request.id).urgency).toBe('ok');
  });
});

describe('the lifecycle', () => {
  it('goes received → verified → in progress → completed, each step audited without personal data', async () => {
    const { register, receive, ready } = await setup();
    const aino = createPerson(register, person());
    const request = receive({ type: 'restriction', personIds: [aino.id] });
    expect(() => startRequest(register, request.id)).toThrow('REQUEST_WRONG_STEP');
    ready(request.id);
    const done = completeRequest(register, request.id);
    expect(done).toMatchObject({ status: 'completed', closedBy: OWNER.displayName });
    expect(() => refuseRequest(register, request.id, { reason: 'x' })).toThrow('REQUEST_CLOSED');

    const trail = register.db.select().from(auditLog).where(like(auditLog.action, 'request.%')).all();
    expect(trail.map((e) => e.action)).toEqual([
      'request.received',
      'request.verified',
      'request.started',
      'request.completed',
    ]);
    const everything = JSON.stringify(register.db.select().from(auditLog).all());
    expect(everything).not.toContain('Mäkinen');
    expect(everything).not.toContain('aino.makinen');
  });

  it('verifies an emailed access request by the registered email address, with no signature', async () => {
    const { register, receive } = await setup();
    const aino = createPerson(register, person({ email: 'aino.makinen@example.fi' }));
    const request = receive({ channel: 'email', personIds: [aino.id] });
    expect(request.receivedSigned).toBe(false);
    const verified = verifyIdentity(register, request.id, { means: 'registered_email' });
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedMeans: 'registered_email',
      verifiedNote: null,
      verifiedBy: OWNER.displayName,
    });
    const entry = register.db.select().from(auditLog).where(eq(auditLog.action, 'request.verified')).get();
    expect(JSON.parse(entry!.details)).toEqual({ type: 'access', means: 'registered_email' });
  });

  it('verifies a rectification by a call back, keeping the note out of the audit log', async () => {
    const { register, receive } = await setup();
    const request = receive({ type: 'rectification', channel: 'phone' });
    const note = 'Soitettu takaisin numeroon 040 123 4567';
    expect(verifyIdentity(register, request.id, { means: 'registered_phone', note })).toMatchObject({
      verifiedMeans: 'registered_phone',
      verifiedNote: note,
    });
    expect(JSON.stringify(register.db.select().from(auditLog).all())).not.toContain('040 123');
  });

  it('refuses an unknown means and "other" without a note, changing nothing', async () => {
    const { register, receive } = await setup();
    const request = receive({ channel: 'email' });
    const unknown = { means: 'signature' } as unknown as Parameters<typeof verifyIdentity>[2];
    expect(() => verifyIdentity(register, request.id, unknown)).toThrow('VERIFICATION_MEANS_UNKNOWN');
    expect(() => verifyIdentity(register, request.id, { means: 'other' })).toThrow('VERIFICATION_NOTE_REQUIRED');
    expect(() => verifyIdentity(register, request.id, { means: 'other', note: '   ' })).toThrow(
      'VERIFICATION_NOTE_REQUIRED',
    );
    expect(getRequest(register, request.id)).toMatchObject({ status: 'received', verifiedMeans: null });
    expect(register.db.select().from(auditLog).where(eq(auditLog.action, 'request.verified')).all()).toEqual([]);
    expect(
      verifyIdentity(register, request.id, { means: 'other', note: 'Tuttu asiakas, tunnistettu äänestä' }),
    ).toMatchObject({ status: 'verified', verifiedMeans: 'other', verifiedNote: 'Tuttu asiakas, tunnistettu äänestä' });
  });

  it('records identity confirmed on receipt in the same step, audited as received and verified', async () => {
    const { register, receive } = await setup();
    const request = receive({ channel: 'in_person', verification: { means: 'in_person_id', note: 'Passi' } });
    expect(request).toMatchObject({ status: 'verified', verifiedMeans: 'in_person_id', verifiedNote: 'Passi' });
    const trail = register.db.select().from(auditLog).where(like(auditLog.action, 'request.%')).all();
    expect(trail.map((e) => [e.action, JSON.parse(e.details).means ?? null])).toEqual([
      ['request.received', null],
      ['request.verified', 'in_person_id'],
    ]);
    expect(() => receive({ verification: { means: 'other' } })).toThrow('VERIFICATION_NOTE_REQUIRED');
    expect(listRequests(register, {})).toHaveLength(1);
  });

  it('answers a request about someone the register does not hold: nothing is kept about them', async () => {
    const { register, receive, ready } = await setup();
    const request = receive({ type: 'erasure', language: 'en', requesterName: 'Kerttu Outsider' });
    ready(request.id);
    expect(completeRequest(register, request.id)).toMatchObject({
      status: 'completed',
      outcome: 'The register holds no data about the requester.',
    });
    const letter = requestDocumentHtml(register, request.id, 'reply').html;
    expect(letter).toContain('holds no data about you');
  });

  it('suggests whom a request concerns: email first, then phone, then name', async () => {
    const { register } = await setup();
    const aino = createPerson(register, person());
    const other = createPerson(
      register,
      person({ firstName: 'Aino', lastName: 'Mäkelä', email: 'aino.makela@example.fi', phone: '+358409998877' }),
    );
    const byPhone = createPerson(
      register,
      person({ firstName: 'Eero', lastName: 'Virtanen', email: null, phone: '+358501112233' }),
    );
    const suggestions = suggestSubjects(register, {
      email: 'AINO.MAKINEN@example.fi',
      phone: '050 111 2233',
      name: 'Aino',
    });
    expect(suggestions.map((s) => [s.personId, s.matchedBy])).toEqual([
      [aino.id, ['email', 'name']],
      [byPhone.id, ['phone']],
      [other.id, ['name']],
    ]);
  });

  it('does not complete an access request before the package has been written', async () => {
    const { register, receive, ready } = await setup();
    const request = receive({ personIds: [createPerson(register, person()).id] });
    ready(request.id);
    expect(() => completeRequest(register, request.id)).toThrow('PACKAGE_NOT_WRITTEN');
    expect(getRequest(register, request.id).status).toBe('in_progress');
  });
});

describe('what each type does', () => {
  it('erasure: erases the person, closes the request and removes the requester and verification note from it, leaving no trace', async () => {
    const { register, receive, path } = await setup();
    const eero = createPerson(
      register,
      person({ firstName: 'Eero', lastName: 'Jääskeläinen', email: 'eero.j@example.fi', phone: '+358501112233' }),
    );
    const request = receive({
      type: 'erasure',
      requesterName: 'Eero Jääskeläinen',
      requesterContact: 'eero.j@example.fi',
      body: 'Poistakaa tietoni, Eero Jääskeläinen',
      personIds: [eero.id],
      attachments: [
        { fileName: 'kirje.txt', mediaType: 'text/plain', content: Buffer.from('Jääskeläinen allekirjoitus') },
      ],
    });
    // A note may name the person: it goes with the erasure, the means stays.
    verifyIdentity(register, request.id, { means: 'registered_phone', note: 'Eero Jääskeläinen vastasi' });
    startRequest(register, request.id);
    const done = completeRequest(register, request.id);
    expect(done).toMatchObject({
      status: 'completed',
      redacted: true,
      requesterName: '',
      requesterContact: '',
      verifiedMeans: 'registered_phone',
      verifiedNote: null,
      body: '',
      attachments: [],
      subjects: [{ personId: eero.id, name: null }],
    });
    expect(register.db.select().from(persons).where(eq(persons.id, eero.id)).get()).toBeUndefined();
    const key = await unlockWithPassword(readKeyringFile(`${path}.keyring`), 'aino', OWNER.password);
    expect(findInPages(decryptedPages(path, key), ['Jääskeläinen', 'eero.j@example.fi'])).toEqual([]);
  });

  it('erasure with an open invoice: erased in part, the rest restricted, refused in part with the reason', async () => {
    const { register, receive, ready } = await setup();
    const aino = createPerson(register, person({ notes: 'Niskavaivoja' }));
    addOrder(register, aino.id, {
      orderedOn: '2026-11-20',
      description: 'Hieronta 60 min',
      amountCents: 6500,
      invoiceStatus: 'open',
    });
    const request = receive({ type: 'erasure', personIds: [aino.id] });
    ready(request.id);
    const refused = completeRequest(register, request.id);
    expect(refused.status).toBe('refused');
    expect(refused.refusedInPart).toBe(true);
    expect(refused.outcome).toContain('avoin lasku');
    // Held by the debt, not by the bookkeeping period: the person stays, restricted, with the order.
    expect(refused.outcome).not.toContain('Kirjanpitolaki');
    const kept = personRecord(register.db, aino.id);
    expect(kept).toMatchObject({ lastName: 'Mäkinen', email: 'aino.makinen@example.fi', notes: null, phone: null });
    expect(kept.restricted).toBe(true);
  });

  it('a refused erasure yields a written certificate (HTML and PDF) with the reason and the Ombudsman', async () => {
    const { register, receive, ready, dir } = await setup();
    const aino = createPerson(register, person());
    addOrder(register, aino.id, {
      orderedOn: '2026-11-20',
      description: 'Hieronta',
      amountCents: 6500,
      invoiceStatus: 'open',
    });
    const request = receive({ type: 'erasure', personIds: [aino.id] });
    ready(request.id);
    completeRequest(register, request.id);
    const open = receive({ personIds: [aino.id] });
    await expect(writeRequestDocument(register, open.id, 'certificate', dir)).rejects.toThrow('REQUEST_WRONG_STEP');
    const written = await writeRequestDocument(register, request.id, 'certificate', join(dir, 'usb'));
    expect(written.files.map((f) => f.name)).toEqual([
      `kaappi-pyynto-${request.id}-todistus.html`,
      `kaappi-pyynto-${request.id}-todistus.pdf`,
    ]);
    const pdfText = execFileSync('pdftotext', [join(dir, 'usb', written.files[1]!.name), '-']).toString();
    expect(pdfText).toContain('avoin lasku');
    expect(pdfText).toContain('Tietosuojavaltuutetun toimisto');
    expect(readFileSync(join(dir, 'usb', written.files[0]!.name), 'utf8')).toContain('tietosuoja@om.fi');
  });

  it('erasure of a current contact person is refused in whole, and nothing about them changes', async () => {
    const { register, receive, ready } = await setup();
    const hehku = createOrganization(register, organization());
    const aino = createPerson(register, person(), { organizationId: hehku.id });
    const request = receive({ type: 'erasure', language: 'en', personIds: [aino.id] });
    ready(request.id);
    const before = personRecord(register.db, aino.id);
    const refused = completeRequest(register, request.id);
    expect(refused).toMatchObject({ status: 'refused', refusedInPart: false });
    expect(refused.outcome).toContain('contact person');
    expect(personRecord(register.db, aino.id)).toEqual(before);
  });

  it('an open access request holds the person from retention deletion until it is answered', async () => {
    const { register, receive, travelTo } = await setup();
    const aino = createPerson(register, person());
    travelTo('2031-11-23');
    const request = receive({ personIds: [aino.id] });
    const due = () => dueForDeletion(register.db, finnishDate(register.deps.clock.now()));
    expect(due()[0]?.holds).toEqual([{ kind: 'open_request' }]);
    refuseRequest(register, request.id, { reason: 'Henkilöllisyyttä ei voitu varmistaa.' });
    expect(due()[0]?.holds).toEqual([]);
  });

  it('restriction: flags the person, who then cannot be edited or marketed to until it is lifted', async () => {
    const { register, receive, ready } = await setup();
    const aino = createPerson(register, person());
    const request = receive({ type: 'restriction', personIds: [aino.id] });
    ready(request.id);
    completeRequest(register, request.id);
    const now = register.deps.clock.now().toISOString();
    expect(mayContact(register.db, aino.id, 'email', 'marketing', now, 'optIn').reasons).toContain('restricted');
    expect(() => updatePerson(register, aino.id, { city: 'Tampere' })).toThrow('PERSON_RESTRICTED');
    liftRestriction(register, aino.id);
    expect(updatePerson(register, aino.id, { city: 'Tampere' }).city).toBe('Tampere');
  });

  it('objection and bans: recorded as consent events with the request as evidence', async () => {
    const { register, receive, ready } = await setup();
    const aino = createPerson(register, person());
    const objection = receive({ type: 'objection', personIds: [aino.id] });
    ready(objection.id);
    completeRequest(register, objection.id);
    const research = receive({ type: 'ban_research', personIds: [aino.id] });
    ready(research.id);
    completeRequest(register, research.id);
    const state = consentState(register.db, aino.id, register.deps.clock.now().toISOString());
    expect(state.ban_direct_marketing).toMatchObject({ granted: true, method: 'request' });
    expect(state.ban_profiling).toMatchObject({ granted: true, method: 'request' });
    expect(state.ban_research).toMatchObject({ granted: true, method: 'request' });
    expect(state.ban_publication).toBeNull();
  });

  it('rectification: records the diff, applies it, and lists the source to tell', async () => {
    const { register, receive, ready, travelTo } = await setup();
    const aino = createPerson(register, person());
    const request = receive({ type: 'rectification', personIds: [aino.id] });
    const recorded = setRectification(register, request.id, [
      { field: 'lastName', to: 'Virtanen' },
      { field: 'city', to: 'Jyväskylä' },
    ]);
    expect(recorded.details.changes).toEqual([{ field: 'lastName', from: 'Mäkinen', to: 'Virtanen' }]);
    ready(request.id);
    const done = completeRequest(register, request.id);
    expect(personRecord(register.db, aino.id).lastName).toBe('Virtanen');
    expect(done.recipients).toEqual([{ id: expect.any(Number), recipient: 'Ajanvarausjärjestelmä', toldOn: null }]);
    travelTo('2026-11-25');
    const told = markRecipientTold(register, request.id, done.recipients[0]!.id, '2026-11-24');
    expect(told.recipients[0]?.toldOn).toBe('2026-11-24');
  });
});
