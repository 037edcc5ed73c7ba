// Who may be contacted through a channel for a purpose today: each person of the chosen view is
// asked mayContact (consents or objections as the channel's setting says, bans, publication ban,
// restriction: the one answer every export uses), and everyone left out is counted by reason, so the list says how many were left out and why.
import { inArray } from 'drizzle-orm';
import { persons } from '../../db/schema-register';
import { channelModesByKind, mayContactMany, type Channel, type Purpose } from '../consents';
import { isUndeliverable, personsWithUndeliverableMarks } from '../imports';
import { searchPersons, type PageCursor, type PersonQuery, type PersonRow } from '../persons';
import type { UnlockedRegister } from '../register';

/** Which persons, in which order: the table's view without its paging (an export takes them all). */
export type PersonSelection = Pick<PersonQuery, 'text' | 'filters' | 'sort'>;

export interface Recipient {
  personId: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  organization: string | null;
}

export interface LeftOut {
  total: number;
  /** Per reason, how many persons it applied to (one person may have several). */
  reasons: Record<string, number>;
}

/** Persons per search page; ids go to SQLite in lists this long, well under its parameter limit. */
const PAGE = 5000;

/** Every person the selection finds, in its sort's order (the contacts table's by default). */
export function* selectedPersons(register: UnlockedRegister, selection: PersonSelection = {}) {
  // Page by cursor, not offset: each page starts where the last ended, however deep.
  let after: PageCursor | undefined;
  for (;;) {
    const page = searchPersons(register, {
      // Only the view: a cursor or offset the caller had must not start the export partway.
      text: selection.text,
      filters: selection.filters,
      sort: selection.sort,
      offset: 0,
      limit: PAGE,
      count: false,
      ...(after ? { after } : {}),
    });
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

export function recipientsFor(
  register: UnlockedRegister,
  selection: PersonSelection,
  channel: Channel,
  purpose: Purpose,
  /** Labels need the postal code and city too, not only a street. */
  options: { fullAddress?: boolean } = {},
): { recipients: Recipient[]; leftOut: LeftOut } {
  const db = register.db;
  const at = register.deps.clock.now().toISOString();
  // Each person by their group's mode: post may be opt-out for one group and opt-in for another.
  const modesOf = channelModesByKind(register);
  const allowed: Array<{ id: number; organization: string | null }> = [];
  const leftOut: LeftOut = { total: 0, reasons: {} };
  const marked = channel === 'email' ? personsWithUndeliverableMarks(db) : new Set<number>();
  const count = (reasons: string[]) => {
    leftOut.total += 1;
    for (const reason of reasons) leftOut.reasons[reason] = (leftOut.reasons[reason] ?? 0) + 1;
  };
  const decide = (page: PersonRow[]) => {
    const answers = mayContactMany(
      db,
      page.map((row) => ({ id: row.id, mode: modesOf(row.kindKey)[channel] })),
      channel,
      purpose,
      at,
    );
    page.forEach((row, i) => {
      const answer = answers[i]!;
      const reasons: string[] = [...answer.reasons];
      if (answer.allowed && marked.has(row.id) && isUndeliverable(db, row.id)) reasons.push('undeliverable');
      if (reasons.length > 0) count(reasons);
      else allowed.push({ id: row.id, organization: row.organization });
    });
  };
  // A search page at a time: each person's answer from two queries per page, not two per person.
  let page: PersonRow[] = [];
  for (const row of selectedPersons(register, selection)) {
    page.push(row);
    if (page.length === PAGE) {
      decide(page);
      page = [];
    }
  }
  decide(page);
  const recipients: Recipient[] = [];
  for (let i = 0; i < allowed.length; i += PAGE) {
    const chunk = allowed.slice(i, i + PAGE);
    const rows = new Map(
      db
        .select({
          id: persons.id,
          firstName: persons.firstName,
          lastName: persons.lastName,
          email: persons.email,
          phone: persons.phone,
          street: persons.street,
          postalCode: persons.postalCode,
          city: persons.city,
          country: persons.country,
        })
        .from(persons)
        .where(
          inArray(
            persons.id,
            chunk.map((p) => p.id),
          ),
        )
        .all()
        .map((row) => [row.id, row]),
    );
    for (const { id, organization } of chunk) {
      const { id: personId, ...person } = rows.get(id)!;
      if (options.fullAddress && (!person.postalCode || !person.city)) count(['incomplete_address']);
      else recipients.push({ personId, ...person, organization });
    }
  }
  return { recipients, leftOut };
}
