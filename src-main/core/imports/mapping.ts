// Suggests what each column means from its header, in Finnish and English, as spreadsheets,
// booking systems and Google Forms questions name them. The user confirms or changes the
// suggestion; a header nothing matches is left out (ignored) rather than guessed.
import type { ColumnMapping, ColumnTarget, ImportField } from './vocabulary';

/** Header words per field; a header matches when it is one of them or starts with one. */
const FIELD_WORDS: Array<[ImportField, string[]]> = [
  ['timestamp', ['aikaleima', 'timestamp', 'vastausaika', 'submitted at', 'lähetetty']],
  ['firstName', ['etunimi', 'etunimet', 'first name', 'firstname', 'given name', 'förnamn']],
  ['lastName', ['sukunimi', 'last name', 'lastname', 'surname', 'family name', 'efternamn']],
  ['fullName', ['nimi', 'koko nimi', 'name', 'full name', 'nimesi', 'your name', 'namn']],
  ['email', ['sähköposti', 'sähköpostiosoite', 's-posti', 'sposti', 'email', 'e-mail', 'email address', 'e-post']],
  ['phone', ['puhelin', 'puhelinnumero', 'puh', 'matkapuhelin', 'gsm', 'phone', 'phone number', 'mobile', 'telefon']],
  ['jobTitle', ['titteli', 'tehtävänimike', 'työnimike', 'ammatti', 'job title', 'title', 'position']],
  [
    'organization',
    ['yritys', 'organisaatio', 'yhteisö', 'työnantaja', 'company', 'organization', 'organisation', 'employer'],
  ],
  ['street', ['katuosoite', 'lähiosoite', 'osoite', 'postiosoite', 'street', 'street address', 'address']],
  ['postalCode', ['postinumero', 'postinro', 'postal code', 'zip', 'zip code', 'postcode', 'postnummer']],
  ['city', ['postitoimipaikka', 'kaupunki', 'paikkakunta', 'kotikunta', 'city', 'town', 'ort']],
  ['country', ['maa', 'country', 'land']],
  ['birthDate', ['syntymäaika', 'syntymäpäivä', 'birth date', 'date of birth', 'birthday', 'födelsedatum']],
  ['www', ['www', 'kotisivu', 'verkkosivu', 'website', 'web']],
  ['notes', ['lisätiedot', 'huomiot', 'muistiinpanot', 'notes', 'comments', 'kommentit']],
  ['language', ['kieli', 'asiointikieli', 'language']],
  ['interests', ['kiinnostukset', 'kiinnostuksen kohteet', 'tagit', 'tags', 'interests']],
];

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[*:?!"'()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field a header names, or null. An exact word wins over a header that only starts with one. */
export function suggestField(header: string): ImportField | null {
  const text = normaliseHeader(header);
  for (const [field, words] of FIELD_WORDS) if (words.includes(text)) return field;
  for (const [field, words] of FIELD_WORDS) {
    if (words.some((word) => word.length >= 4 && (text.startsWith(`${word} `) || text.startsWith(`${word},`)))) {
      return field;
    }
  }
  return null;
}

/** Words of a question that asks for a consent: which channel it is about. */
const CONSENT_WORDS: Array<[RegExp, 'email' | 'sms' | 'phone' | 'post']> = [
  [/uutiskirje|sähköpost|newsletter|e-?mail/, 'email'],
  [/tekstiviest|sms|text message/, 'sms'],
  [/puhelimitse|soittaa|phone call|by phone/, 'phone'],
  [/postitse|kirjeitse|by post|by mail/, 'post'],
];
const ASKS_CONSENT = /suostu|haluan|saa lähettää|lupa|tilaan|consent|i agree|i want|subscribe|markkinointi|marketing/;

/** A consent question ("Haluan uutiskirjeen sähköpostiini") and the channel it names, or null. */
export function suggestConsent(header: string): ColumnTarget | null {
  const text = normaliseHeader(header);
  if (!ASKS_CONSENT.test(text)) return null;
  for (const [words, subject] of CONSENT_WORDS) if (words.test(text)) return { consent: subject };
  return null;
}

/** A checkbox group has a few short options; free-text answers and addresses have many. */
const MAX_CHECKBOX_OPTIONS = 8;
const MAX_OPTION_LENGTH = 80;
/** Rows looked at to recognise a checkbox group: its options show up early. */
const ROWS_FOR_OPTIONS = 500;

/**
 * A checkbox question whose ticked options name channels ("Miten saamme muistuttaa?" answered
 * "Sähköposti, Tekstiviesti"): each option that names a channel gives that consent. Google Forms
 * joins the ticked options with ", ". Null when the answers are not such options.
 */
export function suggestConsentChoices(answers: string[]): ColumnTarget | null {
  const options = new Set<string>();
  for (const answer of answers) {
    for (const option of answer.split(/,\s*/)) {
      const text = option.trim();
      if (text === '') continue;
      if (text.length > MAX_OPTION_LENGTH) return null;
      options.add(text);
      if (options.size > MAX_CHECKBOX_OPTIONS) return null;
    }
  }
  const choices: Record<string, 'email' | 'sms' | 'phone' | 'post'> = {};
  for (const option of options) {
    const channel = CONSENT_WORDS.find(([words]) => words.test(normaliseHeader(option)));
    if (channel) choices[option] = channel[1];
  }
  return Object.keys(choices).length > 0 ? { consentChoices: choices } : null;
}

/**
 * A suggestion for every header; a field already taken by an earlier column is not given twice.
 * `rows` (the file's cells, when known) let a checkbox group of channels be recognised by its answers.
 */
export function suggestMapping(headers: string[], rows: string[][] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  const answersOf = (index: number) => rows.slice(0, ROWS_FOR_OPTIONS).map((cells) => cells[index] ?? '');
  for (const [index, header] of headers.entries()) {
    const consent = suggestConsent(header);
    const field = consent ? null : suggestField(header);
    const choices = consent || field ? null : suggestConsentChoices(answersOf(index));
    if (consent) mapping[header] = consent;
    else if (choices) mapping[header] = choices;
    else if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    } else mapping[header] = 'ignore';
  }
  // A full name beside separate first and last names would fill them twice.
  if (taken.has('fullName') && (taken.has('firstName') || taken.has('lastName'))) {
    for (const [header, target] of Object.entries(mapping)) if (target === 'fullName') mapping[header] = 'ignore';
  }
  return mapping;
}
