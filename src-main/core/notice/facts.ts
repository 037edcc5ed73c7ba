// Everything a notice prints, read from the register in one place: the profile, and what is derived
// from how the register is really set up (relationship kinds and data sources in use, custom fields,
// tables that hold data, the active retention policies). The document builders are pure functions
// of this, and its hash tells whether a printed notice still matches the register.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ReadableDb } from '../../db/open';
import {
  consentEvents,
  contactLog,
  employments,
  interests,
  orders,
  persons,
  relationshipKinds,
  type ConsentSubject,
} from '../../db/schema-register';
import { listCustomFields, listEntries, type CustomFieldDefinition } from '../lists';
import type { UnlockedRegister } from '../register';
import { listPolicies, type RetentionPolicy } from '../retention';
import { readRegisterProfile, readSettings, type RegisterProfile } from '../settings';
import { noticeText } from './catalog';
import {
  ALWAYS_RECORDED,
  type DataCategory,
  type DataCategoryFact,
  type LocalizedText,
} from '../../../src-shared/contract/notice-facts';
import { resolveGroups, unionOf, type NoticeGroup } from './groups';
import type { Language } from '../../../src-shared/language';

export interface Labelled {
  key: string;
  label: LocalizedText;
}

export interface NoticeCategory extends Labelled {
  /** declared in the profile; always recorded by Kaappi; a custom field; or found holding data. */
  origin: 'declared' | 'always' | 'custom' | 'inUse';
}

export interface NoticeRetentionRule extends Omit<RetentionPolicy, 'active' | 'mode'> {
  kinds: LocalizedText[];
}

export interface ResolvedNotice {
  profile: RegisterProfile;
  subjectKinds: Labelled[];
  categories: NoticeCategory[];
  sources: Labelled[];
  retention: NoticeRetentionRule[];
  bookkeepingYears: number;
  /**
   * Per group, its data list and channel modes; only when some group declares its own, so a
   * register without groups resolves (and hashes) exactly as before (see notice/groups.ts).
   */
  groups?: NoticeGroup[];
}

function defaultLabel(key: DataCategory): LocalizedText {
  return { fi: noticeText('fi', `category_${key}`), en: noticeText('en', `category_${key}`) };
}

/** The owner's wording where given, per language, Kaappi's where not. */
function categoryLabel(key: DataCategory, own: LocalizedText): LocalizedText {
  const fallback = defaultLabel(key);
  const pick = (language: Language) => own[language].trim() || fallback[language];
  return { fi: pick('fi'), en: pick('en') };
}

/**
 * Categories that tables of the register hold data for, with the declared categories that cover
 * them: once the first order is entered, a notice that does not mention orders is out of date.
 * Each check reads at most one row (or an empty table), so the dashboard can ask often.
 */
export function categoriesInUse(
  db: ReadableDb,
  kindId?: number,
): Array<{ key: DataCategory; coveredBy: DataCategory[] }> {
  const found: Array<{ key: DataCategory; coveredBy: DataCategory[] }> = [];
  const any = (query: { get(): unknown }) => query.get() !== undefined;
  // For one group's list: only rows of persons of that kind count.
  const ofKind = (column: SQLiteColumn) =>
    kindId === undefined
      ? undefined
      : inArray(column, db.select({ id: persons.id }).from(persons).where(eq(persons.kindId, kindId)));
  if (
    any(
      db
        .select({ id: orders.id })
        .from(orders)
        .where(and(isNotNull(orders.personId), ofKind(orders.personId)))
        .limit(1),
    )
  ) {
    found.push({ key: 'orders', coveredBy: ['orders', 'billing'] });
  }
  if (any(db.select({ tag: interests.tag }).from(interests).where(ofKind(interests.personId)).limit(1))) {
    found.push({ key: 'interests', coveredBy: ['interests'] });
  }
  if (any(db.select({ id: contactLog.id }).from(contactLog).where(ofKind(contactLog.personId)).limit(1))) {
    found.push({ key: 'feedback', coveredBy: ['feedback'] });
  }
  if (any(db.select({ id: employments.id }).from(employments).where(ofKind(employments.personId)).limit(1))) {
    found.push({ key: 'organization', coveredBy: ['organization'] });
  }
  const events = (subjects: readonly ConsentSubject[]) =>
    any(
      db
        .select({ id: consentEvents.id })
        .from(consentEvents)
        .where(and(inArray(consentEvents.subject, [...subjects]), ofKind(consentEvents.personId)))
        .limit(1),
    );
  if (events(['email', 'sms', 'phone', 'post'])) {
    found.push({ key: 'marketingChannels', coveredBy: ['marketingChannels'] });
  }
  if (events(['ban_direct_marketing', 'ban_publication', 'ban_research', 'ban_profiling'])) {
    found.push({ key: 'bans', coveredBy: ['bans', 'directMarketingBan'] });
  }
  return found;
}

/**
 * A data list: the declared categories (the register's, or a group's own), what Kaappi always
 * records, what tables hold that the list does not cover, and the custom fields.
 */
export function listCategories(
  db: ReadableDb,
  declaredList: DataCategoryFact[],
  fields: CustomFieldDefinition[],
  kindId?: number,
): NoticeCategory[] {
  const categories: NoticeCategory[] = declaredList.map(({ key, label }) => ({
    key,
    label: categoryLabel(key, label),
    origin: 'declared',
  }));
  const declared = new Set<string>(categories.map((c) => c.key));
  for (const key of ALWAYS_RECORDED) {
    if (!declared.has(key)) categories.push({ key, label: defaultLabel(key), origin: 'always' });
  }
  for (const { key, coveredBy } of categoriesInUse(db, kindId)) {
    if (!coveredBy.some((cover) => declared.has(cover))) {
      categories.push({ key, label: defaultLabel(key), origin: 'inUse' });
    }
  }
  for (const field of fields) {
    categories.push({ key: `custom:${field.key}`, label: { fi: field.labelFi, en: field.labelEn }, origin: 'custom' });
  }
  return categories;
}

function resolveCategories(db: ReadableDb, profile: RegisterProfile): NoticeCategory[] {
  return listCategories(db, profile.notice.dataCategories, listCustomFields(db));
}

/** Kinds that are offered for new persons, and any kind a person still has. */
function kindsInUse(db: ReadableDb): Labelled[] {
  const held = (key: string) =>
    db
      .select({ id: persons.id })
      .from(persons)
      .innerJoin(relationshipKinds, eq(relationshipKinds.id, persons.kindId))
      .where(eq(relationshipKinds.key, key))
      .limit(1)
      .get() !== undefined;
  return listEntries(db, 'kinds')
    .filter((kind) => kind.active || held(kind.key))
    .map((kind) => ({ key: kind.key, label: { fi: kind.labelFi, en: kind.labelEn } }));
}

export function resolveNotice(register: UnlockedRegister): ResolvedNotice {
  const db = register.db;
  const profile = readRegisterProfile(register);
  const subjectKinds = kindsInUse(db);
  const kindLabel = new Map(subjectKinds.map((kind) => [kind.key, kind.label]));
  const allKinds = new Map(
    listEntries(db, 'kinds').map((kind) => [kind.key, { fi: kind.labelFi, en: kind.labelEn }] as const),
  );
  const groups = resolveGroups(db, profile, subjectKinds, listCategories);
  return {
    profile,
    subjectKinds,
    categories: groups?.some((g) => g.ownCategories) ? unionOf(groups) : resolveCategories(db, profile),
    sources: listEntries(db, 'sources')
      .filter((source) => source.active)
      .map((source) => ({ key: source.key, label: { fi: source.labelFi, en: source.labelEn } })),
    retention: listPolicies(db)
      .filter((policy) => policy.active)
      .map(({ key, kind, rule, period, kindKeys, action, text }) => ({
        key,
        kind,
        rule,
        period,
        kindKeys,
        action,
        text,
        kinds: kindKeys.map((key) => kindLabel.get(key) ?? allKinds.get(key) ?? { fi: key, en: key }),
      })),
    bookkeepingYears: readSettings(register).bookkeepingYears,
    ...(groups ? { groups } : {}),
  };
}

/** Whether the notice speaks of orders or billing, so the bookkeeping retention applies to it. */
export function keepsBookkeeping(notice: ResolvedNotice): boolean {
  return notice.categories.some((c) => c.key === 'orders' || c.key === 'billing');
}

/** A hash of everything the notice prints except its date: equal hashes, equal notices. */
export function noticeFingerprint(notice: ResolvedNotice): string {
  return createHash('sha256').update(JSON.stringify(notice)).digest('hex');
}
