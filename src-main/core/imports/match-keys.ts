// The keys a row is matched by (match.ts), worked out where the row is read: in a worker thread
// for a large import, so that the thread that plans and writes only looks them up. Nothing here
// touches the register, so a worker loads no database code for it.
import type { ImportedValues } from './rows';

/** For comparing names and places: one space, NFC, lower case (Unicode's, which is Finnish's too). */
export const textKey = (text: string | null | undefined) =>
  (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export const nameKey = (first: string, last: string) => `${textKey(first)}|${textKey(last)}`;

export interface MatchKeys {
  /** In lower case, as persons.email_key. */
  email: string | null;
  phone: string | null;
  /** textKey of the first name: a shared phone number matches only the same first name. */
  firstName: string | null;
  /** Name and organization, name and street address: null where the row lacks a part. */
  nameOrganization: string | null;
  nameAddress: string | null;
  /** textKey of the organization and street, compared with the register's. */
  organization: string | null;
  street: string | null;
}

export function matchKeys(values: ImportedValues, organization: string | null): MatchKeys {
  const name = values.firstName && values.lastName ? nameKey(values.firstName, values.lastName) : null;
  const organizationKey = organization ? textKey(organization) : null;
  const street = values.street ? textKey(values.street) : null;
  return {
    email: values.email ? values.email.toLowerCase() : null,
    phone: values.phone ?? null,
    firstName: values.firstName ? textKey(values.firstName) : null,
    nameOrganization: name && organizationKey ? `${name}|${organizationKey}` : null,
    nameAddress: name && street && values.postalCode ? `${name}|${street}|${values.postalCode}` : null,
    organization: organizationKey,
    street,
  };
}
