// Field schemas of the register (persons, organizations, consents). Forms send '' for an empty
// field; these schemas turn that into null, trim text, and normalise phone numbers to E.164.
import { z } from 'zod';
import { isCountryCode, isFinnishPostalCode, isValidBusinessId, normaliseBusinessId, readPhone } from '../fields';
import { CONSENT_METHODS, CONSENT_SUBJECTS, PERSON_STATUSES } from '../vocabulary';
import { isoDate, plainLine, plainLines } from './fields';
import { languageSchema } from '../language';
import { PERSON_DETAIL_FIELDS } from '../person-fields';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** Optional text on one line: '' and whitespace become null. */
export const optionalText = (max: number) =>
  z.preprocess(blankToNull, plainLine(z.string().trim().max(max)).nullable());
export const requiredText = (max: number) => plainLine(z.string().trim().min(1).max(max));
/** Free text with lines (notes, a contact's summary): line feeds and tabs are kept. */
export const optionalLines = (max: number) =>
  z.preprocess(blankToNull, plainLines(z.string().trim().max(max)).nullable());
export const requiredLines = (max: number) => plainLines(z.string().trim().min(1).max(max));

export const phone = z.preprocess(
  blankToNull,
  plainLine(z.string().max(40))
    .transform((value, ctx) => {
      // An extension is refused rather than dropped: the number stored would not be the one given.
      const { e164, extension } = readPhone(value);
      if (extension) ctx.addIssue({ code: 'custom', params: { kaappi: 'PHONE_EXTENSION' } });
      else if (!e164) ctx.addIssue({ code: 'custom', params: { kaappi: 'PHONE_FORMAT' } });
      return e164 ?? value;
    })
    .nullable(),
);

export const email = z.preprocess(blankToNull, plainLine(z.string().trim().max(254)).pipe(z.email()).nullable());

export const www = z.preprocess(
  blankToNull,
  plainLine(z.string().trim().max(500))
    .refine((value) => /^(https?:\/\/)?[^\s/$.?#][^\s]*\.[^\s]{2,}$/i.test(value), {
      params: { kaappi: 'WWW_FORMAT' },
    })
    .nullable(),
);

export const ipAddress = z.preprocess(blankToNull, z.union([z.ipv4(), z.ipv6()]).nullable());
export const optionalDate = z.preprocess(blankToNull, isoDate.nullable());
/** A country as its ISO 3166-1 code, in either case: `fi`, `SE`; not `ZZ`. */
export const country = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { params: { kaappi: 'COUNTRY_CODE' } });
/** The country of an address: FI when left empty. */
export const countryCode = z.preprocess((value) => (typeof value === 'string' ? value.trim() || 'FI' : value), country);
export const listKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/);

export const businessId = z.preprocess(
  blankToNull,
  plainLine(z.string().trim())
    .refine(isValidBusinessId, { params: { kaappi: 'BUSINESS_ID_FORMAT' } })
    .transform(normaliseBusinessId)
    .nullable(),
);

/** Postal code: five digits in Finland, free text up to 12 characters elsewhere. */
function checkPostalCode(value: { postalCode?: string | null; country?: string }, ctx: z.RefinementCtx) {
  if (value.postalCode && (value.country ?? 'FI') === 'FI' && !isFinnishPostalCode(value.postalCode)) {
    ctx.addIssue({ code: 'custom', path: ['postalCode'], params: { kaappi: 'POSTAL_CODE_FORMAT' } });
  }
}

const addressShape = {
  street: optionalText(200),
  postalCode: optionalText(12),
  city: optionalText(100),
  country: countryCode.default('FI'),
};

export const personShape = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  jobTitle: optionalText(200),
  phone,
  email,
  ...addressShape,
  birthDate: optionalDate,
  age: z.preprocess(blankToNull, z.coerce.number().int().min(0).max(130).nullable()),
  www,
  ipAddress,
  notes: optionalLines(5000),
  language: languageSchema.default('fi'),
  sourceKey: z.preprocess(blankToNull, listKey.nullable()),
  informedOn: optionalDate,
  informedHow: optionalText(200),
  kindKey: listKey,
};

/** Every person detail has its rule here; a detail added to the list fails to compile until it does. */
const _everyDetailHasARule: ReadonlyArray<keyof typeof personShape> = PERSON_DETAIL_FIELDS;

/** The person form's fields, in the form's order. */
export const PERSON_INPUT_FIELDS = Object.keys(personShape) as Array<keyof typeof personShape>;

const personObject = z.object(personShape).strict();
export const personInput = personObject.superRefine(checkPostalCode);
export type PersonInput = z.output<typeof personInput>;

export const personChanges = personObject.partial().strict().superRefine(checkPostalCode);
export type PersonChanges = z.output<typeof personChanges>;

const organizationObject = z
  .object({
    name: requiredText(200),
    businessId,
    ...addressShape,
    phone,
    email,
    www,
  })
  .strict();
export const organizationInput = organizationObject.superRefine(checkPostalCode);
export type OrganizationInput = z.output<typeof organizationInput>;
export const organizationChanges = organizationObject.partial().strict().superRefine(checkPostalCode);

export const personStatus = z.enum(PERSON_STATUSES);
export const consentSubject = z.enum(CONSENT_SUBJECTS);
export const consentMethod = z.enum(CONSENT_METHODS);
export const entityId = z.number().int().positive();
