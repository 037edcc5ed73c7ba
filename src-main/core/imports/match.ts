// Finding the person a row is about: by email, then phone, then name and organization, then name
// and street address — in the register and among the persons this same import creates, so a
// second row about someone (or a re-import of the file) merges instead of duplicating.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';
import { employments, organizations, persons } from '../../db/schema-register';
import type { ImportedValues } from './rows';
import type { MatchRule } from './vocabulary';

export type Target = { kind: 'existing'; personId: number } | { kind: 'new'; pendingId: number };
export type MatchResult =
  { found: true; target: Target; rule: MatchRule } | { found: false; ambiguous: MatchRule | null };

/** For comparing names and places: one space, NFC, lower case (Unicode's, which is Finnish's too). */
export const textKey = (text: string | null | undefined) =>
  (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const nameKey = (first: string, last: string) => `${textKey(first)}|${textKey(last)}`;
const targetKey = (target: Target) => (target.kind === 'existing' ? `p${target.personId}` : `n${target.pendingId}`);

interface Known {
  target: Target;
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

export class Matcher {
  private readonly emails = new Map<string, Target>();
  private readonly phones = new Map<string, Known[]>();
  private readonly nameOrganizations = new Map<string, Target[]>();
  private readonly nameAddresses = new Map<string, Target[]>();
  private readonly byEmail;
  private readonly byPhone;
  private readonly byName;
  /** A first import into an empty register asks the register nothing per row. */
  private readonly registerEmpty: boolean;

  constructor(private readonly db: RegisterDb) {
    this.byEmail = db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.emailKey, sql.placeholder('key')))
      .prepare();
    this.byPhone = db
      .select({ id: persons.id, firstName: persons.firstName })
      .from(persons)
      .where(eq(persons.phone, sql.placeholder('phone')))
      .prepare();
    this.registerEmpty = db.select({ id: persons.id }).from(persons).limit(1).get() === undefined;
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
        and(eq(persons.lastName, sql.placeholder('lastName')), eq(persons.firstName, sql.placeholder('firstName'))),
      )
      .prepare();
  }

  /** The person a row with these values is about, or why none could be chosen. */
  find(values: ImportedValues, organization: string | null, nameIsReal: boolean): MatchResult {
    if (values.email) {
      const key = values.email.toLowerCase();
      const known = this.emails.get(key);
      if (known) return { found: true, target: known, rule: 'email' };
      const row = this.registerEmpty ? undefined : this.byEmail.get({ key });
      if (row) return { found: true, target: { kind: 'existing', personId: row.id }, rule: 'email' };
    }
    if (values.phone) {
      // A shared family number is not the same person: with a name, the first names must agree.
      const sameName = (first: string) =>
        !nameIsReal || !values.firstName || textKey(first) === textKey(values.firstName);
      const candidates = new Map<string, Target>();
      for (const known of this.phones.get(values.phone) ?? []) {
        if (sameName(known.firstName)) candidates.set(targetKey(known.target), known.target);
      }
      for (const row of this.registerEmpty ? [] : this.byPhone.all({ phone: values.phone })) {
        if (sameName(row.firstName)) candidates.set(`p${row.id}`, { kind: 'existing', personId: row.id });
      }
      const result = this.single(candidates, 'phone');
      if (result) return result;
    }
    if (!nameIsReal || !values.firstName || !values.lastName) return { found: false, ambiguous: null };
    // The register's persons of this name, read once for both name rules and only if one applies.
    let named: NamedPerson[] | undefined;
    const sameName = () => (named ??= this.registerByName(values.firstName!, values.lastName!));
    if (organization) {
      const key = `${nameKey(values.firstName, values.lastName)}|${textKey(organization)}`;
      const candidates = new Map<string, Target>();
      for (const target of this.nameOrganizations.get(key) ?? []) candidates.set(targetKey(target), target);
      for (const p of sameName()) {
        if (p.organizations.includes(textKey(organization)))
          candidates.set(`p${p.id}`, { kind: 'existing', personId: p.id });
      }
      const result = this.single(candidates, 'name_organization');
      if (result) return result;
    }
    if (values.street && values.postalCode) {
      const key = `${nameKey(values.firstName, values.lastName)}|${textKey(values.street)}|${values.postalCode}`;
      const candidates = new Map<string, Target>();
      for (const target of this.nameAddresses.get(key) ?? []) candidates.set(targetKey(target), target);
      const street = textKey(values.street);
      for (const p of sameName()) {
        if (textKey(p.street) === street && p.postalCode === values.postalCode) {
          candidates.set(`p${p.id}`, { kind: 'existing', personId: p.id });
        }
      }
      const result = this.single(candidates, 'name_address');
      if (result) return result;
    }
    return { found: false, ambiguous: null };
  }

  /** Makes later rows find `target` by these values too. */
  remember(target: Target, values: ImportedValues, organization: string | null): void {
    if (values.email) this.emails.set(values.email.toLowerCase(), target);
    if (values.phone) {
      const list = this.phones.get(values.phone) ?? [];
      if (!list.some((known) => targetKey(known.target) === targetKey(target))) {
        list.push({ target, firstName: values.firstName ?? '' });
      }
      this.phones.set(values.phone, list);
    }
    if (!values.firstName || !values.lastName) return;
    const add = (map: Map<string, Target[]>, key: string) => {
      const list = map.get(key) ?? [];
      if (!list.some((known) => targetKey(known) === targetKey(target))) list.push(target);
      map.set(key, list);
    };
    if (organization)
      add(this.nameOrganizations, `${nameKey(values.firstName, values.lastName)}|${textKey(organization)}`);
    if (values.street && values.postalCode) {
      add(
        this.nameAddresses,
        `${nameKey(values.firstName, values.lastName)}|${textKey(values.street)}|${values.postalCode}`,
      );
    }
  }

  private single(candidates: Map<string, Target>, rule: MatchRule): MatchResult | null {
    if (candidates.size === 1) return { found: true, target: [...candidates.values()][0]!, rule };
    if (candidates.size > 1) return { found: false, ambiguous: rule };
    return null;
  }

  /** Register persons with exactly this name (letter case aside), with their current organizations. */
  private registerByName(first: string, last: string): NamedPerson[] {
    if (this.registerEmpty) return [];
    const wanted = nameKey(first, last);
    const people = spellings(last)
      .flatMap((lastName) => spellings(first).flatMap((firstName) => this.byName.all({ lastName, firstName })))
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
