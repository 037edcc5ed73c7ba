// Finding the person a row is about: by email, then phone, then name and organization, then name
// and street address — in the register and among the persons this same import creates, so a
// second row about someone (or a re-import of the file) merges instead of duplicating. The keys
// come with the row (match-keys.ts).
import { and, eq, inArray, isNull, lte, max, sql } from 'drizzle-orm';
import type { ReadableDb } from '../../db/open';
import { employments, organizations, persons } from '../../db/schema-register';
import { nameKey, textKey, type MatchKeys } from './match-keys';
import type { ImportedValues } from './rows';
import type { MatchRule } from './vocabulary';

export type Target = { kind: 'existing'; personId: number } | { kind: 'new'; pendingId: number };
export type MatchResult =
  { found: true; target: Target; rule: MatchRule } | { found: false; ambiguous: MatchRule | null };

const NOT_FOUND: MatchResult = { found: false, ambiguous: null };
const sameTarget = (a: Target, b: Target) =>
  a.kind === 'existing'
    ? b.kind === 'existing' && a.personId === b.personId
    : b.kind === 'new' && a.pendingId === b.pendingId;
const existing = (personId: number): Target => ({ kind: 'existing', personId });

interface Known {
  target: Target;
  /** textKey of the first name. */
  firstName: string;
}

/** A name as typed and in title case ("mäkinen" → "Mäkinen", "anna-liisa" → "Anna-Liisa"). */
function spellings(name: string): string[] {
  const trimmed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const title = trimmed
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  return [...new Set([trimmed, title])];
}

/** Adds a target to the list under `key`, once. */
function addTarget(map: Map<string, Target[]>, key: string, target: Target): void {
  const list = map.get(key);
  if (!list) map.set(key, [target]);
  else if (!list.some((known) => sameTarget(known, target))) list.push(target);
}

export class Matcher {
  private readonly emails = new Map<string, Target>();
  private readonly phones = new Map<string, Known[]>();
  private readonly nameOrganizations = new Map<string, Target[]>();
  private readonly nameAddresses = new Map<string, Target[]>();
  private readonly byEmail;
  private readonly byPhone;
  private readonly byName;
  /**
   * The last person id before the import: the persons it writes while it plans (new-persons.ts)
   * are found among its own, not as the register's. 0 for an empty register, which is asked
   * nothing per row.
   */
  private readonly existingUpTo: number;
  private readonly registerEmpty: boolean;

  constructor(private readonly db: ReadableDb) {
    const existing = lte(persons.id, sql.placeholder('upTo'));
    this.byEmail = db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.emailKey, sql.placeholder('key')), existing))
      .prepare();
    this.byPhone = db
      .select({ id: persons.id, firstName: persons.firstName })
      .from(persons)
      .where(and(eq(persons.phone, sql.placeholder('phone')), existing))
      .prepare();
    this.existingUpTo =
      db
        .select({ last: max(persons.id) })
        .from(persons)
        .get()?.last ?? 0;
    this.registerEmpty = this.existingUpTo === 0;
    // The name index (last, first) finds candidates by exact spelling; letter case is compared after.
    this.byName = db
      .select({
        id: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        street: persons.street,
        postalCode: persons.postalCode,
      })
      .from(persons)
      .where(
        and(
          eq(persons.lastName, sql.placeholder('lastName')),
          eq(persons.firstName, sql.placeholder('firstName')),
          existing,
        ),
      )
      .prepare();
  }

  /** The person a row with these values (and their keys) is about, or why none could be chosen. */
  find(values: ImportedValues, keys: MatchKeys, nameIsReal: boolean): MatchResult {
    if (keys.email) {
      const known = this.emails.get(keys.email);
      if (known) return { found: true, target: known, rule: 'email' };
      const row = this.registerEmpty ? undefined : this.byEmail.get({ key: keys.email, upTo: this.existingUpTo });
      if (row) return { found: true, target: existing(row.id), rule: 'email' };
    }
    if (keys.phone) {
      // A shared family number is not the same person: with a name, the first names must agree.
      const firstName = nameIsReal ? keys.firstName : null;
      const candidates: Target[] = [];
      for (const known of this.phones.get(keys.phone) ?? []) {
        if (firstName === null || known.firstName === firstName) candidates.push(known.target);
      }
      if (!this.registerEmpty) {
        for (const row of this.byPhone.all({ phone: keys.phone, upTo: this.existingUpTo })) {
          if (firstName === null || textKey(row.firstName) === firstName) candidates.push(existing(row.id));
        }
      }
      const result = this.single(candidates, 'phone');
      if (result) return result;
    }
    if (!nameIsReal) return NOT_FOUND;
    // The register's persons of this name, read once for both name rules and only if one applies.
    let named: NamedPerson[] | undefined;
    if (keys.nameOrganization) {
      const candidates = [...(this.nameOrganizations.get(keys.nameOrganization) ?? [])];
      named ??= this.registerByName(values);
      for (const p of named) if (p.organizations.includes(keys.organization!)) candidates.push(existing(p.id));
      const result = this.single(candidates, 'name_organization');
      if (result) return result;
    }
    if (keys.nameAddress) {
      const candidates = [...(this.nameAddresses.get(keys.nameAddress) ?? [])];
      named ??= this.registerByName(values);
      for (const p of named) {
        if (textKey(p.street) === keys.street && p.postalCode === values.postalCode) candidates.push(existing(p.id));
      }
      const result = this.single(candidates, 'name_address');
      if (result) return result;
    }
    return NOT_FOUND;
  }

  /** Makes later rows find `target` by these keys too. */
  remember(target: Target, keys: MatchKeys): void {
    if (keys.email) this.emails.set(keys.email, target);
    if (keys.phone) {
      const list = this.phones.get(keys.phone);
      const known = { target, firstName: keys.firstName ?? '' };
      if (!list) this.phones.set(keys.phone, [known]);
      else if (!list.some((k) => sameTarget(k.target, target))) list.push(known);
    }
    if (keys.nameOrganization) addTarget(this.nameOrganizations, keys.nameOrganization, target);
    if (keys.nameAddress) addTarget(this.nameAddresses, keys.nameAddress, target);
  }

  /** The one target among the candidates (a target found twice, in memory and the register, is one). */
  private single(candidates: Target[], rule: MatchRule): MatchResult | null {
    const first = candidates[0];
    if (!first) return null;
    if (candidates.every((target) => sameTarget(target, first))) return { found: true, target: first, rule };
    return { found: false, ambiguous: rule };
  }

  /** Register persons with exactly this name (letter case aside), with their current organizations. */
  private registerByName(values: ImportedValues): NamedPerson[] {
    const first = values.firstName;
    const last = values.lastName;
    if (this.registerEmpty || !first || !last) return [];
    const wanted = nameKey(first, last);
    const people = spellings(last)
      .flatMap((lastName) =>
        spellings(first).flatMap((firstName) => this.byName.all({ lastName, firstName, upTo: this.existingUpTo })),
      )
      .filter((p, i, all) => nameKey(p.firstName, p.lastName) === wanted && all.findIndex((q) => q.id === p.id) === i);
    if (people.length === 0) return [];
    const links = this.db
      .select({ personId: employments.personId, name: organizations.name })
      .from(employments)
      .innerJoin(organizations, eq(organizations.id, employments.organizationId))
      .where(
        and(
          inArray(
            employments.personId,
            people.map((p) => p.id),
          ),
          isNull(employments.endedOn),
        ),
      )
      .all();
    return people.map((p) => ({
      id: p.id,
      street: p.street,
      postalCode: p.postalCode,
      organizations: links.filter((l) => l.personId === p.id).map((l) => textKey(l.name)),
    }));
  }
}

interface NamedPerson {
  id: number;
  street: string | null;
  postalCode: string | null;
  organizations: string[];
}
