// The person form's values: every field of the contract's personInput as the text a user types.
import type { ChannelOutput } from '../../../src-shared/contract';
import { PERSON_INPUT_FIELDS } from '../../../src-shared/contract/register-fields';
import { formatPhone } from '../../../src-shared/fields';

export type PersonRecord = ChannelOutput<'persons.get'>['person'];

export const PERSON_FIELDS = PERSON_INPUT_FIELDS;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonValues = Record<PersonField, string>;

export function emptyPerson(kindKey: string): PersonValues {
  const values = Object.fromEntries(PERSON_FIELDS.map((field) => [field, ''])) as PersonValues;
  return { ...values, country: 'FI', language: 'fi', sourceKey: 'manual', kindKey };
}

/** A stored person as form text: phone numbers the way Finns write them, the age as digits. */
export function personValues(person: PersonRecord): PersonValues {
  const values = Object.fromEntries(
    PERSON_FIELDS.map((field) => {
      const value = person[field];
      return [field, value === null || value === undefined ? '' : String(value)];
    }),
  ) as PersonValues;
  return { ...values, phone: person.phone ? formatPhone(person.phone) : '' };
}
