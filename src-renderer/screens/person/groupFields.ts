// Which of a person's fields their group's own data list leaves out: the form and the view keep to
// what the group's notice lists. A group without its own list hides nothing (the register as before).
import type { DataCategory } from '../../../src-main/ipc/contract/notice-facts';
import type { PersonField } from './personValues';

/** The person fields each category of data stands for; name, language and register facts always show. */
const FIELDS_OF: Partial<Record<DataCategory, PersonField[]>> = {
  jobTitle: ['jobTitle'],
  phone: ['phone'],
  email: ['email'],
  address: ['street', 'postalCode', 'city', 'country'],
  birthDate: ['birthDate'],
  age: ['age'],
  www: ['www'],
  ipAddress: ['ipAddress'],
  notes: ['notes'],
};

/** Fields outside the group's own list; one that holds a value is still shown, so nothing is hidden away. */
export function fieldsOutsideGroup(
  own: readonly DataCategory[] | null | undefined,
  hasValue: (field: PersonField) => boolean,
): Set<PersonField> {
  if (!own) return new Set();
  const declared = new Set(own);
  return new Set(
    (Object.entries(FIELDS_OF) as Array<[DataCategory, PersonField[]]>)
      .filter(([category]) => !declared.has(category))
      .flatMap(([, fields]) => fields)
      .filter((field) => !hasValue(field)),
  );
}
