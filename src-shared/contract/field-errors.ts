// Validates with a contract schema and reports field errors in the user's language. Used by the
// registry for input that reaches main and by the renderer's forms, so both say the same thing.
import { z } from 'zod';
import { errorMessages } from '../errors/messages';
import { plainIssueMessage } from './plain-issues';
import type { Language } from '../language';

const customMessages: Record<string, Record<Language, string>> = {
  WEAK_PASSWORD: {
    fi: 'Salasana on liian heikko: vähintään 12 merkkiä, eikä yleinen tai helposti arvattava.',
    en: 'The password is too weak: at least 12 characters, and not a common or easily guessed one.',
  },
  USERNAME_FORMAT: {
    fi: 'Käytä vain kirjaimia, numeroita ja merkkejä . _ -',
    en: 'Use only letters, digits and . _ -',
  },
  DATE_FORMAT: {
    fi: 'Päivämäärä ei kelpaa: kirjoita se muodossa 15.3.2026 (tai 2026-03-15).',
    en: 'Not a valid date: write it as 15/3/2026 (or 2026-03-15).',
  },
  PHONE_FORMAT: {
    fi: 'Puhelinnumero ei kelpaa. Esimerkiksi 040 123 4567 tai +358 40 123 4567.',
    en: 'Not a valid phone number. For example 040 123 4567 or +358 40 123 4567.',
  },
  WWW_FORMAT: {
    fi: 'Anna verkko-osoite, esimerkiksi www.esimerkki.fi.',
    en: 'Enter a web address, e.g. www.example.fi.',
  },
  BUSINESS_ID_FORMAT: {
    fi: 'Y-tunnus ei kelpaa: muoto 1234567-8 ja tarkistusmerkin pitää täsmätä.',
    en: 'Not a valid business ID (Y-tunnus): format 1234567-8 with a matching check digit.',
  },
  POSTAL_CODE_FORMAT: { fi: 'Suomalainen postinumero on viisi numeroa.', en: 'A Finnish postal code has five digits.' },
  // Input checks at the edges (issue 21): kept together for merging.
  CONTROL_CHARACTER: {
    fi: 'Kentässä on rivinvaihto, sarkain, muu ohjausmerkki tai tekstin suuntaa kääntävä merkki. Kirjoita teksti yhdelle riville ilman niitä.',
    en: 'The field contains a line break, tab, other control character or a character that reverses text direction. Write the text on one line without them.',
  },
  CONTROL_CHARACTER_LINES: {
    fi: 'Tekstissä on ohjausmerkki tai tekstin suuntaa kääntävä merkki (usein kopioinnin mukana tullut). Poista se; rivinvaihdot ja sarkaimet saavat jäädä.',
    en: 'The text contains a control character or a character that reverses text direction (often carried along by copying). Remove it; line breaks and tabs may stay.',
  },
  DATE_BEFORE_1900: { fi: 'Päivämäärä ei voi olla ennen vuotta 1900.', en: 'The date cannot be before 1900.' },
  PHONE_EXTENSION: {
    fi: 'Puhelinnumeroon ei voi tallentaa alanumeroa. Anna numero ilman sitä; alanumeron voi kirjoittaa lisätietoihin.',
    en: 'A phone number cannot be stored with an extension. Enter the number without it; the extension can go in the notes.',
  },
  COUNTRY_CODE: {
    fi: 'Anna maa kaksikirjaimisena ISO-maakoodina, esimerkiksi FI, SE tai GB (Iso-Britannia).',
    en: 'Enter the country as its two-letter ISO code, for example FI, SE or GB (United Kingdom).',
  },
  // One text for the form and for core's refusal (KaappiError), from the error catalog.
  ELECTRONIC_MARKETING_OPT_OUT: {
    fi: errorMessages.fi.ELECTRONIC_MARKETING_OPT_OUT,
    en: errorMessages.en.ELECTRONIC_MARKETING_OPT_OUT,
  },
};

export interface FieldIssue {
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; fields: FieldIssue[] };

/** A rule's message (a key of the params `kaappi` names), for checks made outside a schema. */
export function ruleMessage(key: string, language: Language): string {
  return customMessages[key]?.[language] ?? key;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, language: Language): Validation<z.output<S>> {
  const result = schema.safeParse(value, { error: (issue) => plainIssueMessage(issue, language) });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    fields: result.error.issues.map((issue) => {
      const key = issue.code === 'custom' ? (issue.params?.kaappi as string | undefined) : undefined;
      return {
        path: issue.path.map(String).join('.'),
        message: (key && customMessages[key]?.[language]) || issue.message,
      };
    }),
  };
}
