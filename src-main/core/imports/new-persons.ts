// The persons an import creates, each written as soon as the plan decides on it, so that on a
// large import the writing runs while worker threads still read the rows after it (with the writing
// after the plan, one core stood idle for the seconds it took). Bare prepared statements, not
// drizzle's: its placeholders cost a quarter of the writing at 100,000 persons. Search entries have
// the shape reindexPerson writes (a test compares the two). They are written without the per-row
// triggers that keep the counts, tallies, due days and blocks (each trigger gives a statement its
// own journal, which cost more than the row); `finish` computes those for all of them at once.
// A later row of the same import may still change a person written here (it fills an empty field,
// names another organization): the plan lists those, and `rewrite` writes them again after
// `finish`; one that only brings a later date is `redate`d. An organization is created when a row
// first names it, so it is spelled as that row spells it, even if a later row moves that row's
// person elsewhere (apply.ts then takes it back if nobody else is linked to it).
import { randomUUID } from 'node:crypto';
import { countNewPersons } from '../../db/consent-state';
import { preparedOn, type RegisterDb } from '../../db/open';
import { suspendTriggers } from '../../db/suspended-triggers';
import { insertSearchEntries, searchEntry } from '../persons';
import { keepDueStateOfRange } from '../retention/due';
import type { NewPerson } from './plan';

export interface OrganizationRef {
  id: number;
  /** As the register spells it: the search index holds this, not the file's spelling. */
  name: string;
}

export interface NewPersonContext {
  kindId: number;
  sourceId: number | null;
  at: string;
  today: string;
  /** The register's organization of this name, created if missing. */
  organization: (name: string) => OrganizationRef;
}

/**
 * What `finish` does for the whole range instead: persons' insert triggers (migrations 0019-0021),
 * and those that keep a person's due day and block as their roles are added.
 */
const SUSPENDED_TRIGGERS = [
  'persons_counts_insert',
  'persons_tallies_insert',
  'persons_due_insert',
  'persons_due_update',
  'persons_blocked_update',
  'employments_blocked_insert',
];

/** The columns a person's imported values fill: inserted once, set again by `rewrite`. */
const VALUE_COLUMNS = [
  'first_name',
  'last_name',
  'job_title',
  'phone',
  'email',
  'email_key',
  'street',
  'postal_code',
  'city',
  'country',
  'birth_date',
  'www',
  'notes',
  'language',
  'last_activity_on',
] as const;

type PersonValues = [
  firstName: string,
  lastName: string,
  jobTitle: string | null,
  phone: string | null,
  email: string | null,
  emailKey: string | null,
  street: string | null,
  postalCode: string | null,
  city: string | null,
  country: string,
  birthDate: string | null,
  www: string | null,
  notes: string | null,
  language: string,
  lastActivityOn: string,
];

const INSERT_PERSON = `INSERT INTO persons (uid, ${VALUE_COLUMNS.join(', ')}, source_id, kind_id, status,
    status_changed_on, created_at, updated_at)
  VALUES (?, ${VALUE_COLUMNS.map(() => '?').join(', ')}, ?, ?, 'active', ?, ?, ?)`;
const UPDATE_PERSON = `UPDATE persons SET ${VALUE_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`;

export class NewPersonWriter {
  private first = 0;
  private written = 0;
  /** Re-creates the suspended triggers: set at the first write; `finish` calls it once. */
  private resumeTriggers: (() => void) | null = null;
  private finished = false;
  /** The last role before the first write: those after it must all be this writer's. */
  private rolesBefore = 0;

  constructor(
    private readonly db: RegisterDb,
    private readonly context: NewPersonContext,
  ) {}

  /** How many persons are written: the plan's first creates, in order. */
  get count(): number {
    return this.written;
  }

  /** The id of the plan's create number `pendingId`. */
  idOf(pendingId: number): number {
    if (pendingId >= this.written) throw new Error(`new person ${pendingId} is not written`);
    return this.first + pendingId;
  }

  /** The ids written, first to last: one audit entry names them all (audit/person-ranges.ts). */
  range(): { first: number; last: number } | null {
    return this.written > 0 ? { first: this.first, last: this.first + this.written - 1 } : null;
  }

  write(person: NewPerson): void {
    const { context } = this;
    if (this.finished) throw new Error('new persons are all written before finish');
    // Once only: suspending again would save the already dropped triggers as missing, for good.
    if (!this.resumeTriggers) this.suspend();
    const result = preparedOn<[string, ...PersonValues, number | null, number, string, string, string]>(
      this.db,
      INSERT_PERSON,
    ).run(
      randomUUID(),
      ...this.values(person),
      context.sourceId,
      context.kindId,
      context.today,
      context.at,
      context.at,
    );
    const personId = Number(result.lastInsertRowid);
    // The range holds only if the ids are contiguous; AUTOINCREMENT inside one transaction makes them so.
    if (this.written === 0) this.first = personId;
    else if (personId !== this.first + this.written) {
      throw new Error(`new person ids not contiguous: ${personId} after ${this.first + this.written - 1}`);
    }
    this.written += 1;
    this.link(personId, person);
  }

  /**
   * Does the suspended triggers' work for every person written (counts, tallies, due days and
   * blocks) and re-creates the triggers, before anything else changes those persons.
   */
  finish(): void {
    this.finished = true;
    const range = this.range();
    if (!this.resumeTriggers) return;
    if (range) {
      // Until now nothing but this writer may write persons or roles: an added one would go
      // uncounted (checked here), a changed one would keep its old due day (apply.ts writes those after).
      const strays = preparedOn<[{ first: number; last: number; roles: number }]>(
        this.db,
        `SELECT (SELECT count(*) FROM persons WHERE id > @last)
          + (SELECT count(*) FROM employments WHERE id > @roles AND person_id NOT BETWEEN @first AND @last) AS n`,
      ).get({ ...range, roles: this.rolesBefore }) as { n: number };
      if (strays.n > 0) throw new Error(`${strays.n} persons or roles written beside the import's new persons`);
      countNewPersons(this.db, range);
      keepDueStateOfRange(this.db, range);
    }
    this.resumeTriggers();
    this.resumeTriggers = null;
  }

  /**
   * Writes a person again as later rows of the import left it: values, organization, search entry.
   * Returns the organization it was linked to before, if that is not the one it is linked to now.
   */
  rewrite(pendingId: number, person: NewPerson): number | null {
    const personId = this.idOf(pendingId);
    preparedOn<[...PersonValues, number]>(this.db, UPDATE_PERSON).run(...this.values(person), personId);
    // Only this import has written the person's link and entry: both are replaced whole.
    const before = preparedOn<[number]>(
      this.db,
      'SELECT organization_id AS id FROM employments WHERE person_id = ?',
    ).get(personId) as { id: number } | undefined;
    preparedOn<[number]>(this.db, 'DELETE FROM employments WHERE person_id = ?').run(personId);
    preparedOn<[number]>(this.db, 'DELETE FROM persons_fts WHERE rowid = ?').run(personId);
    const now = this.link(personId, person);
    return before && before.id !== now ? before.id : null;
  }

  /** Sets the activity date of a person whose values and link later rows left as they were. */
  redate(pendingId: number, person: NewPerson): void {
    preparedOn<[string, number]>(this.db, 'UPDATE persons SET last_activity_on = ? WHERE id = ?').run(
      this.activityOn(person),
      this.idOf(pendingId),
    );
  }

  private suspend(): void {
    this.rolesBefore = (
      preparedOn<[]>(this.db, 'SELECT coalesce(max(id), 0) AS id FROM employments').get() as { id: number }
    ).id;
    this.resumeTriggers = suspendTriggers(this.db, SUSPENDED_TRIGGERS);
  }

  /** The person's last activity: the latest date its rows give, but not after today. */
  private activityOn(person: NewPerson): string {
    const { today } = this.context;
    return person.activityOn && person.activityOn < today ? person.activityOn : today;
  }

  private values(person: NewPerson): PersonValues {
    const v = person.values;
    return [
      v.firstName ?? '',
      v.lastName ?? '',
      v.jobTitle ?? null,
      v.phone ?? null,
      v.email ?? null,
      v.email?.toLowerCase() ?? null,
      v.street ?? null,
      v.postalCode ?? null,
      v.city ?? null,
      v.country ?? 'FI',
      v.birthDate ?? null,
      v.www ?? null,
      v.notes ?? null,
      v.language ?? 'fi',
      this.activityOn(person),
    ];
  }

  /** The person's organization link and search entry; the organization's id. */
  private link(personId: number, person: NewPerson): number | null {
    const organization = person.organization ? this.context.organization(person.organization) : null;
    if (organization) {
      preparedOn<[number, number, string | null, string]>(
        this.db,
        'INSERT INTO employments (person_id, organization_id, title, started_on) VALUES (?, ?, ?, ?)',
      ).run(personId, organization.id, person.values.jobTitle ?? null, this.context.today);
    }
    insertSearchEntries(this.db, [searchEntry(personId, person.values, organization?.name ?? '')]);
    return organization?.id ?? null;
  }
}
