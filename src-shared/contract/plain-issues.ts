// Kaappi's own words for what zod finds wrong with a field, in place of zod's locale texts ("Liian
// pieni: merkkijonon täytyy olla >=1 merkkiä"), which read like developer output to a sole trader.
import type { z } from 'zod';
import type { Language } from '../language';

type Issue = z.core.$ZodRawIssue;
type Words = (issue: Issue) => string;

const count = (value: unknown) => Number(value);

const words: Record<Language, Record<string, Words>> = {
  fi: {
    required: () => 'Täytä tämä kenttä.',
    tooShort: (issue) => `Kirjoita vähintään ${count(issue['minimum'])} merkkiä.`,
    tooLong: (issue) => `Teksti on liian pitkä: enintään ${count(issue['maximum'])} merkkiä.`,
    tooFewItems: (issue) => `Valitse vähintään ${count(issue['minimum'])}.`,
    tooManyItems: (issue) => `Valitse enintään ${count(issue['maximum'])}.`,
    numberTooSmall: (issue) => `Pienin sallittu luku on ${count(issue['minimum'])}.`,
    numberTooLarge: (issue) => `Suurin sallittu luku on ${count(issue['maximum'])}.`,
    wholeNumber: () => 'Anna kokonaisluku.',
    number: () => 'Anna luku.',
    email: () => 'Sähköpostiosoite ei kelpaa. Esimerkiksi nimi@esimerkki.fi.',
    date: () => 'Päivämäärä ei kelpaa: kirjoita se muodossa 15.3.2026 (tai 2026-03-15).',
    url: () => 'Verkko-osoite ei kelpaa. Esimerkiksi www.esimerkki.fi.',
    choice: () => 'Valitse jokin vaihtoehdoista.',
    format: () => 'Tarkista tämän kentän muoto.',
    other: () => 'Tarkista tämä kenttä.',
  },
  en: {
    required: () => 'Fill in this field.',
    tooShort: (issue) => `Write at least ${count(issue['minimum'])} characters.`,
    tooLong: (issue) => `The text is too long: at most ${count(issue['maximum'])} characters.`,
    tooFewItems: (issue) => `Choose at least ${count(issue['minimum'])}.`,
    tooManyItems: (issue) => `Choose at most ${count(issue['maximum'])}.`,
    numberTooSmall: (issue) => `The smallest allowed number is ${count(issue['minimum'])}.`,
    numberTooLarge: (issue) => `The largest allowed number is ${count(issue['maximum'])}.`,
    wholeNumber: () => 'Enter a whole number.',
    number: () => 'Enter a number.',
    email: () => 'Not a valid email address. For example name@example.com.',
    date: () => 'Not a valid date: write it as 15/3/2026 (or 2026-03-15).',
    url: () => 'Not a valid web address. For example www.example.com.',
    choice: () => 'Choose one of the options.',
    format: () => 'Check the format of this field.',
    other: () => 'Check this field.',
  },
};

/** Which of the words above fits the issue. */
function kindOf(issue: Issue): string {
  const origin = issue['origin'] as string | undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'required';
      return issue['expected'] === 'int' || issue['expected'] === 'safeint'
        ? 'wholeNumber'
        : issue['expected'] === 'number'
          ? 'number'
          : 'other';
    case 'too_small':
      if (origin === 'string') return count(issue['minimum']) <= 1 ? 'required' : 'tooShort';
      if (origin === 'array' || origin === 'set') return 'tooFewItems';
      return origin === 'number' || origin === 'bigint' ? 'numberTooSmall' : 'other';
    case 'too_big':
      if (origin === 'string') return 'tooLong';
      if (origin === 'array' || origin === 'set') return 'tooManyItems';
      return origin === 'number' || origin === 'bigint' ? 'numberTooLarge' : 'other';
    case 'invalid_format': {
      const format = issue['format'] as string | undefined;
      if (format === 'email') return 'email';
      if (format === 'date' || format === 'datetime') return 'date';
      if (format === 'url') return 'url';
      return 'format';
    }
    case 'invalid_value':
    case 'invalid_union':
      return 'choice';
    case 'not_multiple_of':
      return 'wholeNumber';
    default:
      return 'other';
  }
}

/** The message for a zod issue in the user's language; the schema's own `error` text wins if set. */
export function plainIssueMessage(issue: Issue, language: Language): string {
  return words[language][kindOf(issue)]!(issue);
}
