// A person named on the command line (`--person ID|EMAIL`): by numeric id, or by email address in
// any letter case, looked up through the same search the app's contacts table uses.
import { KaappiError } from '../../src-shared/errors';
import { searchPersons } from '../core/persons';
import type { UnlockedRegister } from '../core/register';
import { UsageError } from './args';

/** The most persons.search returns at once. */
const PAGE = 500;

export function findPersonId(register: UnlockedRegister, target: string, option: string): number {
  const text = target.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (!text.includes('@')) throw new UsageError(`${option}: '${target}' is neither a person id nor an email address`);
  const key = text.toLowerCase();
  for (let offset = 0; ; offset += PAGE) {
    const page = searchPersons(register, { text, offset, limit: PAGE });
    const match = page.rows.find((row) => row.email?.toLowerCase() === key);
    if (match) return match.id;
    if (page.rows.length < PAGE) throw new KaappiError('PERSON_NOT_FOUND');
  }
}
