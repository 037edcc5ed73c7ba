// How many a mailing list would include and leave out by reason, as recipientsFor would, counted
// in one SQL pass over the consent state kept on persons (or its tallies) without making the list.
import { sql, type SQL } from 'drizzle-orm';
import { preparedSql } from '../../db/open';
import { consentEvents, persons, personTallies, relationshipKinds } from '../../db/schema-register';
import {
  channelModesByKind,
  contactRefusalRule,
  mayContactMany,
  PERSON_COLUMNS,
  TALLY_COLUMNS,
  type Channel,
  type Purpose,
  type RefusalColumns,
} from '../consents';
import { isUndeliverable, personsWithUndeliverableMarks } from '../imports';
import { selectionWhere, selectsEveryone } from '../persons';
import type { UnlockedRegister } from '../register';
import { assertMayExportLists } from '../settings';
import type { LeftOut, PersonSelection } from './recipients';

export interface RecipientCount {
  included: number;
  leftOut: LeftOut;
}

/** Persons decided one by one per query: ids go to SQLite as one JSON list. */
const PAGE = 5000;

export function countRecipients(
  register: UnlockedRegister,
  selection: Pick<PersonSelection, 'text' | 'filters'>,
  channel: Channel,
  purpose: Purpose,
): RecipientCount {
  const db = register.db;
  const at = register.deps.clock.now().toISOString();
  // The kept bits count events from their recording on, mayContact from when they take effect;
  // and an undeliverable mark is not in the bits at all. These persons go the exact way.
  // Not DISTINCT (the set below is): that would make SQLite read every event in person order.
  const ahead = preparedSql(
    db,
    'countRecipients events ahead',
    () =>
      sql`SELECT ${consentEvents.personId} FROM ${consentEvents} WHERE ${consentEvents.effectiveAt} > ${sql.placeholder('at')}`,
  ).rows<[number]>({ at });
  const exact = new Set(ahead.map(([id]) => id));
  const marked = channel === 'email' ? personsWithUndeliverableMarks(db) : new Set<number>();
  for (const id of marked) exact.add(id);

  const selected = selectionWhere(register, selection, 'countRecipients');
  const exactIds = sql`(SELECT value FROM json_each(${sql.placeholder('exact')}))`;
  const values = { ...selected.values, exact: JSON.stringify([...exact]) };
  const rule = contactRefusalRule(register, channel, purpose);
  // One pass: per reason a sum, and how many were refused for any (one person may have several).
  // `weight` is what one row stands for: a person, or a tally's n persons.
  const sumsOf = (columns: RefusalColumns, weight: SQL) => {
    const conditions = rule.conditionsOn(columns);
    // Refused for any reason: CASE stops at the first that holds, where OR would test them all.
    const refused = sql`CASE ${sql.join(
      conditions.map((c) => sql`WHEN ${c.when} THEN 1`),
      sql` `,
    )} ELSE 0 END`;
    return sql.join(
      [
        sql`coalesce(sum(${weight}), 0)`,
        sql`coalesce(sum(${weight} * (${refused})), 0)`,
        ...conditions.map((c) => sql`coalesce(sum(${weight} * (${c.when})), 0)`),
      ],
      sql`, `,
    );
  };
  // The reasons, in the order of the sums (the same whichever columns they are read from).
  const conditions = rule.conditionsOn(PERSON_COLUMNS);
  let counted: number[];
  if (selectsEveryone(selection)) {
    // Everyone: the kept tallies, less the persons decided one by one below.
    const all = preparedSql(
      db,
      `countRecipients tallies | ${rule.shape}`,
      () => sql`SELECT ${sumsOf(TALLY_COLUMNS, sql`${personTallies.n}`)} FROM ${personTallies}`,
    ).rows<number[]>({})[0]!;
    const less =
      exact.size === 0
        ? all.map(() => 0)
        : preparedSql(
            db,
            `countRecipients exact persons | ${rule.shape}`,
            () => sql`SELECT ${sumsOf(PERSON_COLUMNS, sql`1`)} FROM ${persons} WHERE ${persons.id} IN ${exactIds}`,
          ).rows<number[]>({ exact: values.exact })[0]!;
    counted = all.map((n, i) => n - less[i]!);
  } else {
    // Without a text search (or the few passive for years), a filter's index costs more than it
    // saves: a count reads most persons anyway, and in table order that is cheaper than through an
    // index (measured by the bench's mailing row). Rowid lookups stay allowed for a text search.
    const scan = !selection.text && selection.filters?.passiveForYears === undefined;
    counted = preparedSql(
      db,
      `${selected.shape} | ${rule.shape} exact=${exact.size > 0} scan=${scan}`,
      () =>
        sql`SELECT ${sumsOf(PERSON_COLUMNS, sql`1`)} FROM ${persons}${scan ? sql` NOT INDEXED` : sql``}
          WHERE ${selected.where}${exact.size > 0 ? sql` AND ${persons.id} NOT IN ${exactIds}` : sql``}`,
    ).rows<number[]>(values)[0]!;
  }
  const [selectedCount, refusedCount, ...reasonCounts] = counted;

  const leftOut: LeftOut = { total: 0, reasons: {} };
  const count = (reason: string, n: number) => {
    if (n > 0) leftOut.reasons[reason] = (leftOut.reasons[reason] ?? 0) + n;
  };
  conditions.forEach((c, i) => count(c.reason, reasonCounts[i]!));
  leftOut.total = refusedCount!;
  let included = selectedCount! - leftOut.total;

  if (exact.size > 0) {
    // The same decision as recipientsFor's, for the selected persons among them.
    const rows = preparedSql(
      db,
      `${selected.shape} | countRecipients exact`,
      () =>
        sql`SELECT ${persons.id}, ${relationshipKinds.key} FROM ${persons}
          JOIN ${relationshipKinds} ON ${relationshipKinds.id} = ${persons.kindId}
          WHERE ${selected.where} AND ${persons.id} IN ${exactIds}`,
    ).rows<[number, string]>(values);
    const modesOf = channelModesByKind(register);
    for (let i = 0; i < rows.length; i += PAGE) {
      const page = rows.slice(i, i + PAGE);
      const answers = mayContactMany(
        db,
        page.map(([id, kindKey]) => ({ id, mode: modesOf(kindKey)[channel] })),
        channel,
        purpose,
        at,
      );
      page.forEach(([id], j) => {
        const answer = answers[j]!;
        const reasons: string[] = [...answer.reasons];
        if (answer.allowed && marked.has(id) && isUndeliverable(db, id)) reasons.push('undeliverable');
        if (reasons.length === 0) {
          included += 1;
          return;
        }
        leftOut.total += 1;
        for (const reason of reasons) count(reason, 1);
      });
    }
  }
  return { included, leftOut };
}

/**
 * The mailing screen's count. Who may not take lists out may not count them either; nothing
 * leaves the register, so unlike mailingList nothing is audited.
 */
export function mailingCount(
  register: UnlockedRegister,
  request: { channel: Channel; purpose: Purpose; selection?: Pick<PersonSelection, 'text' | 'filters'> },
): RecipientCount {
  assertMayExportLists(register);
  return countRecipients(register, request.selection ?? {}, request.channel, request.purpose);
}
