// `kaappi contacts add|update|show|list`: persons from the command line, through the same core
// functions as the contacts screen and the person view, so the audit log records the same entries.
import { createOrganization, findOrganizations } from '../../core/organizations';
import {
  createPerson,
  personDetail,
  searchPersons,
  updatePerson,
  type PageCursor,
  type PersonRow,
} from '../../core/persons';
import type { UnlockedRegister } from '../../core/register';
import { contract, type ParsedInput } from '../../../src-shared/contract';
import { UsageError, type OptionSpecs, type OptionValues } from '../args';
import { defineCommand, validateInput } from '../command';
import { CliFailure } from '../messages';
import { findPersonId } from '../person-ref';
import { jsonText } from '../terminal';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { contactsTable, personView } from './contacts-view';

type PersonInput = ParsedInput<'persons.create'>['person'];

const OPENS = '--register FILE --user NAME [--recovery-key]';
const FIELDS = '[--email E] [--phone P] [--job-title T] [--street S] [--postal-code C] [--city C] [--source KEY] …';

/** Person fields that take one plain value on the command line, by option name. */
const FIELD_OPTIONS = {
  'first-name': { type: 'string', help: 'first name' },
  'last-name': { type: 'string', help: 'last name' },
  email: { type: 'string', help: 'email address (unique in the register, case-insensitively)' },
  phone: { type: 'string', help: 'phone as people type it: 040 123 4567 or +358 40 123 4567 (stored as E.164)' },
  'job-title': { type: 'string', help: 'job title' },
  street: { type: 'string', help: 'street address' },
  'postal-code': { type: 'string', help: 'postal code (five digits in Finland)' },
  city: { type: 'string', help: 'city' },
  country: { type: 'string', help: 'country code, e.g. FI (default FI)' },
  language: { type: 'string', help: 'fi or en: the language to use with the person' },
  source: { type: 'string', help: 'data source key: newsletter, booking, manual, import, …' },
  kind: { type: 'string', help: 'relationship kind key: customer (default), prospect, partner, …' },
  notes: { type: 'string', help: 'free-text notes' },
} as const satisfies OptionSpecs;

type FieldOption = keyof typeof FIELD_OPTIONS;

const FIELD_OF_OPTION = {
  'first-name': 'firstName',
  'last-name': 'lastName',
  email: 'email',
  phone: 'phone',
  'job-title': 'jobTitle',
  street: 'street',
  'postal-code': 'postalCode',
  city: 'city',
  country: 'country',
  language: 'language',
  source: 'sourceKey',
  kind: 'kindKey',
  notes: 'notes',
} as const satisfies Record<FieldOption, keyof PersonInput>;

/** For error lines: the option that set a field, as the user typed it. */
const OPTION_OF_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries(FIELD_OF_OPTION).map(([option, field]) => [field, `--${option}`]),
);

/** The contract's person fields that have no option here, as an empty form sends them. */
const UNSET_FIELDS = {
  jobTitle: null,
  phone: null,
  email: null,
  street: null,
  postalCode: null,
  city: null,
  birthDate: null,
  age: null,
  www: null,
  ipAddress: null,
  notes: null,
  sourceKey: null,
  informedOn: null,
  informedHow: null,
};

function fieldValues(values: OptionValues<typeof FIELD_OPTIONS>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [option, field] of Object.entries(FIELD_OF_OPTION)) {
    const value = values[option as FieldOption];
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

const addUsage = `kaappi contacts add ${OPENS} --first-name A --last-name B ${FIELDS} [--kind K] [--organization NAME]`;

export const contactsAddCommand = defineCommand({
  name: 'contacts add',
  summary: 'add a person; prints the new id',
  usage: addUsage,
  options: {
    ...OPEN_OPTIONS,
    ...FIELD_OPTIONS,
    organization: {
      type: 'string',
      help: 'the organization they represent, by exact name; created if there is none',
    },
  },
  required: ['register', 'user', 'first-name', 'last-name'],
  async run(values, ctx) {
    const person = validateInput(
      contract['persons.create'].input.shape.person,
      { ...UNSET_FIELDS, kindKey: 'customer', ...fieldValues(values) },
      OPTION_OF_FIELD,
      ctx,
    );
    const organizationName =
      values.organization === undefined
        ? undefined
        : validateInput(
            contract['organizations.create'].input.shape.organization.shape.name,
            values.organization,
            { '': '--organization' },
            ctx,
          );
    return withRegister(values, ctx, 'persons.create', (register) => {
      // One transaction (the inner ones become savepoints): a person refused for a taken email
      // leaves no new organization behind.
      const created = register.transaction(() => {
        const organizationId =
          organizationName === undefined ? null : findOrCreateOrganization(register, organizationName);
        return createPerson(register, person, { organizationId });
      });
      ctx.print(String(created.id));
      return 0;
    });
  },
});

const updateUsage = `kaappi contacts update ID|EMAIL ${OPENS} [--first-name A] [--last-name B] ${FIELDS} [--kind K] [--customer-activity]`;

export const contactsUpdateCommand = defineCommand({
  name: 'contacts update',
  summary: "change a person's fields (an empty value clears one)",
  usage: updateUsage,
  arguments: ['ID|EMAIL'],
  options: {
    ...OPEN_OPTIONS,
    ...FIELD_OPTIONS,
    'customer-activity': {
      type: 'boolean',
      help: 'the customer asked for the change: it counts as their activity (retention counts from it)',
    },
  },
  required: ['register', 'user'],
  async run(values, ctx, [target = '']) {
    const fields = fieldValues(values);
    if (Object.keys(fields).length === 0) throw new UsageError('nothing to change: give at least one field option');
    const changes = validateInput(contract['persons.update'].input.shape.changes, fields, OPTION_OF_FIELD, ctx);
    return withRegister(values, ctx, 'persons.update', (register) => {
      const id = findPersonId(register, target, 'ID|EMAIL');
      updatePerson(register, id, changes, { customerActivity: values['customer-activity'] ?? false });
      ctx.say('personSaved', { id });
      return 0;
    });
  },
});

export const contactsShowCommand = defineCommand({
  name: 'contacts show',
  summary: 'show a person with their organizations and consents (recorded in the audit log)',
  usage: `kaappi contacts show ID|EMAIL ${OPENS} [--json]`,
  arguments: ['ID|EMAIL'],
  options: { ...OPEN_OPTIONS, json: { type: 'boolean', help: 'print JSON instead of text' } },
  required: ['register', 'user'],
  run: (values, ctx, [target = '']) =>
    withRegister(values, ctx, 'persons.get', (register) => {
      const detail = personDetail(register, findPersonId(register, target, 'ID|EMAIL'));
      if (values.json) {
        const { person, employments, consents } = detail;
        ctx.print(jsonText({ ...person, employments, consents }, 2));
      } else {
        ctx.print(personView(detail, ctx));
      }
      return 0;
    }),
});

export const contactsListCommand = defineCommand({
  name: 'contacts list',
  summary: 'list persons, all or those matching a search',
  usage: `kaappi contacts list ${OPENS} [--search TEXT] [--limit N] [--json]`,
  options: {
    ...OPEN_OPTIONS,
    search: { type: 'string', help: 'name, email, phone, city or organization, as in the app’s search box' },
    limit: { type: 'string', help: 'at most this many persons (default: all that match)' },
    json: { type: 'boolean', help: 'print a JSON array instead of a table' },
  },
  required: ['register', 'user'],
  async run(values, ctx) {
    const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : positiveInteger('--limit', values.limit);
    const { text } = validateInput(
      contract['persons.search'].input,
      { text: values.search, offset: 0, limit: PAGE },
      { text: '--search' },
      ctx,
    );
    return withRegister(values, ctx, 'persons.search', (register) => {
      if (values.json) {
        // One person a line, page by page: a register of a million need not fit in memory.
        let first = true;
        ctx.print('[');
        for (const page of searchPages(register, text, limit)) {
          for (const row of page.rows) {
            ctx.print(`${first ? '' : ','}${jsonText(row)}`);
            first = false;
          }
        }
        ctx.print(']');
        return 0;
      }
      const rows: PersonRow[] = [];
      let total = 0;
      for (const page of searchPages(register, text, limit)) {
        rows.push(...page.rows);
        total = page.total ?? total;
      }
      if (rows.length === 0) ctx.say('contactsNone');
      else {
        ctx.print(contactsTable(rows, ctx));
        if (rows.length < total) ctx.say('contactsShown', { shown: rows.length, total });
      }
      return 0;
    });
  },
});

/** The most persons.search returns at once. */
const PAGE = 500;

/** Pages through the search as the contacts table does, until `limit` rows or the end. */
function* searchPages(register: UnlockedRegister, text: string | undefined, limit: number) {
  let after: PageCursor | undefined;
  for (let shown = 0; shown < limit;) {
    const want = Math.min(PAGE, limit - shown);
    const page = searchPersons(register, {
      ...(text ? { text } : {}),
      offset: 0,
      limit: want,
      ...(after ? { after, count: false } : {}),
    });
    yield page;
    shown += page.rows.length;
    if (!page.next) return;
    after = page.next;
  }
}

function positiveInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`option '${option}' needs a whole number above 0`);
  return Number(text);
}

/**
 * The organization with exactly this name (letter case aside), or a new one. Two that differ only
 * in case are told apart by case; two with the very same name cannot be chosen between here.
 */
function findOrCreateOrganization(register: UnlockedRegister, name: string): number {
  const key = name.toLocaleLowerCase('fi');
  const sameName = findOrganizations(register, name, 1000).filter((o) => o.name.toLocaleLowerCase('fi') === key);
  const exact = sameName.filter((o) => o.name === name);
  const candidates = exact.length > 0 ? exact : sameName;
  if (candidates.length > 1) throw new CliFailure('organizationAmbiguous', { name });
  if (candidates[0]) return candidates[0].id;
  return createOrganization(register, {
    name,
    businessId: null,
    street: null,
    postalCode: null,
    city: null,
    country: 'FI',
    phone: null,
    email: null,
    www: null,
  }).id;
}
