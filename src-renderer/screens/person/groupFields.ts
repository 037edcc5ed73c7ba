// Which of a person's fields the notice does not list for their group (the group's own data list,
// else the register's): the form and the view keep to what the notice says is collected.
import type { DataCategory } from '../../../src-shared/contract/notice-facts';
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

/** Fields outside the declared list; one that holds a value is still shown, so nothing is hidden away. */
export function undeclaredFields(
  declared: readonly DataCategory[] | null | undefined,
  hasValue: (field: PersonField) => boolean,
): Set<PersonField> {
  if (!declared) return new Set();
  const listed = new Set(declared);
  return new Set(
    (Object.entries(FIELDS_OF) as Array<[DataCategory, PersonField[]]>)
      .filter(([category]) => !listed.has(category))
      .flatMap(([, fields]) => fields)
      .filter((field) => !hasValue(field)),
  );
}
