// Telling a person about their registration (GDPR Art. 13/14; seed 000 §6 promises it at first
// contact): the short text in their language, ready to copy into an email or print, and the record
// of when and how they were told, which the contacts table's "not informed" view reads.
//
// Recording it is allowed for a person whose processing is restricted (Art. 18): informing is the
// controller's own duty towards the person, the record changes none of their data, and it is what
// shows the duty was met (Art. 5(2)); refusing it would leave the register unable to prove it.
import { and, between, eq, isNull } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { dataSources, persons } from '../../db/schema-register';
import { finnishDate } from '../clock';
import { personRangeTarget } from '../audit';
import { KaappiError } from '../../../src-shared/errors';
import { PERSON_RANGE } from '../../../src-shared/contract/notice';
import type { UnlockedRegister } from '../register';
import { assertRole } from '../users';
import { noticeText } from './catalog';
import { contactOf } from './document';
import { resolveNotice } from './facts';
import type { Language } from '../../../src-shared/language';

const WRITERS = ['owner', 'staff'] as const;

export interface InformText {
  language: Language;
  text: string;
}

function personFor(register: UnlockedRegister, personId: number) {
  const row = register.db
    .select({
      firstName: persons.firstName,
      language: persons.language,
      sourceFi: dataSources.labelFi,
      sourceEn: dataSources.labelEn,
    })
    .from(persons)
    .leftJoin(dataSources, eq(dataSources.id, persons.sourceId))
    .where(eq(persons.id, personId))
    .get();
  if (!row) throw new KaappiError('PERSON_NOT_FOUND');
  return row;
}

/** The first paragraph of the purposes: the "why" in a few lines, the notice has the rest. */
const firstParagraph = (text: string) => text.split(/\n\s*\n/)[0]?.trim() ?? '';

export function informText(register: UnlockedRegister, personId: number): InformText {
  assertRole(register, ...WRITERS);
  const person = personFor(register, personId);
  const language = person.language;
  const t = (key: Parameters<typeof noticeText>[1], params?: Record<string, string | number>) =>
    noticeText(language, key, params);
  const notice = resolveNotice(register);
  const { profile } = notice;
  const contact = contactOf(notice);
  const source = language === 'fi' ? person.sourceFi : person.sourceEn;
  const why = firstParagraph(profile.purposes[language]);
  const location = profile.notice.noticeLocation[language].trim();
  const paragraphs = [
    person.firstName.trim() ? t('inform_greeting', { name: person.firstName.trim() }) : t('inform_greetingGeneric'),
    // Until the settings name the controller and a contact, the text says less rather than
    // printing sentences with blanks (the inform dialog warns about the gap).
    profile.controller.name.trim()
      ? t('inform_who', { register: profile.registerName[language], controller: profile.controller.name.trim() })
      : t('inform_whoUnnamed', { register: profile.registerName[language] }),
    ...(source ? [t('inform_source', { source })] : []),
    ...(why ? [`${t('inform_why')}\n${why}`] : []),
    location
      ? t('inform_notice', { location })
      : contact
        ? t('inform_noticeOnRequest', { contact })
        : t('inform_noticeOnRequestUnnamed'),
    contact ? t('inform_rights', { contact }) : t('inform_rightsUnnamed'),
    t('inform_complaint', { authority: profile.authority.name[language], www: profile.authority.www }),
    [t('inform_closing'), profile.controller.name, profile.contactPerson.name].filter((line) => line.trim()).join('\n'),
  ];
  register.transaction(() =>
    register.audit({ action: 'person.inform_text', targetType: 'person', targetId: personId }),
  );
  return { language, text: paragraphs.join('\n\n') };
}

export interface Informed {
  informedOn: string;
  informedHow: string;
}

/** The "how" as stored, and the moment of recording; refuses a blank how or a day ahead of today. */
function checkedInforming(register: UnlockedRegister, informed: { on: string; how: string }) {
  const how = informed.how.trim();
  if (!how || how.length > 200) throw new KaappiError('INVALID_INPUT');
  const now = register.deps.clock.now();
  if (informed.on > finnishDate(now)) throw new KaappiError('DATE_IN_FUTURE');
  return { how, now };
}

/** Records when and how the person was told; the audit entry names neither (the how is free text). */
export function recordInformed(
  register: UnlockedRegister,
  personId: number,
  informed: { on: string; how: string },
): Informed {
  assertRole(register, ...WRITERS);
  const { how, now } = checkedInforming(register, informed);
  return register.transaction((db) => {
    const updated = db
      .update(persons)
      .set({ informedOn: informed.on, informedHow: how, updatedAt: now.toISOString() })
      .where(eq(persons.id, personId))
      .run();
    if (updated.changes === 0) throw new KaappiError('PERSON_NOT_FOUND');
    register.audit({ action: 'person.informed', targetType: 'person', targetId: personId });
    return { informedOn: informed.on, informedHow: how };
  });
}

/**
 * Records that the persons one import created were told, in one transaction: the range must be an
 * import's own (its audit entry names it), and a person already recorded as told keeps that record.
 * Each person's history gets its own entry. Returns how many were recorded.
 */
export function recordImportInformed(
  register: UnlockedRegister,
  range: { first: number; last: number },
  informed: { on: string; how: string },
): number {
  assertRole(register, ...WRITERS);
  const { how, now } = checkedInforming(register, informed);
  if (!Number.isSafeInteger(range.first) || range.first < 1 || range.last < range.first) {
    throw new KaappiError('INVALID_INPUT');
  }
  return register.transaction((db) => {
    const imported = db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(eq(auditLog.targetType, PERSON_RANGE), eq(auditLog.targetId, personRangeTarget(range.first, range.last))),
      )
      .get();
    if (!imported) throw new KaappiError('PERSON_NOT_FOUND');
    const told = db
      .update(persons)
      .set({ informedOn: informed.on, informedHow: how, updatedAt: now.toISOString() })
      .where(and(between(persons.id, range.first, range.last), isNull(persons.informedOn)))
      .returning({ id: persons.id })
      .all();
    register.auditMany(
      told.map(({ id }) => ({
        action: 'person.informed',
        targetType: 'person',
        targetId: id,
        details: { batch: true },
      })),
    );
    return told.length;
  });
}
