// The words an import writes: evidence kept with each consent event (GDPR Art. 7(1): the business
// must be able to show how and when the consent was given), the contact-log note of an address
// Mailchimp found undeliverable, and row problems, in the language of the user who imports.

import type { RowProblemCode } from './vocabulary';
import { interpolate, type Language } from '../../../src-shared/language';

type Params = Record<string, string | number>;
const fill = (text: string, params: Params) => interpolate(text, params);

const evidence = {
  fi: {
    mailchimpOptIn: 'Mailchimp-uutiskirjeen tilaus: liittyi {optin}{optinIp}{confirm}. Tiedosto {file}, rivi {line}.',
    mailchimpNoOptInTime:
      'Mailchimp-uutiskirjeen tilaaja; viennissä ei ole liittymisaikaa (lisätty listalle käsin tai tuotu), viimeisin muutos {changed}. Tiedosto {file}, rivi {line}.',
    optinIp: ' (IP {ip})',
    confirm: ', vahvisti {time}{ip}',
    mailchimpUnsubscribed: 'Mailchimp: peruutti uutiskirjeen tilauksen {time}{reason}. Tiedosto {file}, rivi {line}.',
    mailchimpBan:
      'Mailchimp: peruutti tilauksen {time} syyllä, joka kieltää markkinoinnin{reason}. Tiedosto {file}, rivi {line}.',
    reason: ', syy: {reason}',
    form: 'Lomake {file}, rivi {line}, vastattu {time}. Kysymys: "{question}" Vastaus: "{answer}".',
    formNoTime:
      'Lomake {file}, rivi {line} (vastausaika ei tiedossa, kirjattu tuonnissa). Kysymys: "{question}" Vastaus: "{answer}".',
    undeliverable:
      'Mailchimp cleaned: {email} ({time}): osoitteeseen ei voi toimittaa postia, Mailchimp poisti sen listalta{campaign}.',
    campaign: ' (kampanja: {campaign})',
  },
  en: {
    mailchimpOptIn: 'Mailchimp newsletter signup: opted in {optin}{optinIp}{confirm}. File {file}, line {line}.',
    mailchimpNoOptInTime:
      'Mailchimp newsletter subscriber; the export has no opt-in time (added to the list by hand or imported), last changed {changed}. File {file}, line {line}.',
    optinIp: ' (IP {ip})',
    confirm: ', confirmed {time}{ip}',
    mailchimpUnsubscribed: 'Mailchimp: unsubscribed {time}{reason}. File {file}, line {line}.',
    mailchimpBan:
      'Mailchimp: unsubscribed {time} giving a reason that forbids marketing{reason}. File {file}, line {line}.',
    reason: ', reason: {reason}',
    form: 'Form {file}, line {line}, answered {time}. Question: "{question}" Answer: "{answer}".',
    formNoTime:
      'Form {file}, line {line} (time of answer unknown, recorded at import). Question: "{question}" Answer: "{answer}".',
    undeliverable:
      'Mailchimp cleaned: {email} ({time}): mail to this address cannot be delivered, Mailchimp removed it from the list{campaign}.',
    campaign: ' (campaign: {campaign})',
  },
} as const;

export type EvidenceKey = keyof (typeof evidence)['en'];

export function evidenceText(language: Language, key: EvidenceKey, params: Params = {}): string {
  return fill(evidence[language][key], params);
}

const problems: Record<Language, Record<RowProblemCode, string>> = {
  fi: {
    unreadable_file: 'Tiedostoa ei voi lukea: {detail}',
    no_rows: 'Tiedostossa ei ole yhtään riviä otsikkorivin jälkeen.',
    column_count: 'Rivillä on {found} saraketta, otsikkorivillä {expected}.',
    invalid_value: '{column}: {message}',
    name_missing: 'Nimi puuttuu, eikä sähköpostiosoitetta ole, josta sen voisi ottaa.',
    unidentifiable:
      'Rivillä pitää olla sähköposti, puhelin, organisaatio tai katuosoite, jotta sama henkilö löytyy myös uudessa tuonnissa.',
    bad_time: '{column}: "{value}" ei ole aika, jonka Kaappi tunnistaa.',
    future_time: '{column}: aika {value} on tulevaisuudessa.',
    ambiguous_match: 'Rekisterissä on useita henkilöitä, joihin rivi sopii ({rule}); yhdistä käsin.',
    email_in_two_rows: 'Sama sähköposti on myös rivillä {other}.',
    name_from_email: 'Nimi puuttui; nimeksi otettiin sähköpostiosoitteen alku ({name}).',
    restricted:
      'Henkilön tietojen käsittely on rajoitettu: riviltä kirjattiin vain kiellot, muut tiedot jätettiin pois.',
    unknown_mailchimp_file:
      'Tiedoston nimestä tai sarakkeista ei näe, onko kyse tilaajista, peruneista vai poistetuista. Anna tiedostolle Mailchimpin antama nimi (subscribed_, unsubscribed_, cleaned_, nonsubscribed_) tai tuo se taulukkona.',
    address_unparsed: 'Osoitetta "{value}" ei voitu jakaa osiin; se tallennettiin katuosoitteeksi sellaisenaan.',
  },
  en: {
    unreadable_file: 'The file cannot be read: {detail}',
    no_rows: 'The file has no rows after the header.',
    column_count: 'The line has {found} columns, the header {expected}.',
    invalid_value: '{column}: {message}',
    name_missing: 'The name is missing, and there is no email address to take one from.',
    unidentifiable:
      'A row needs an email, phone, organization or street address, so that a later import finds the same person.',
    bad_time: '{column}: "{value}" is not a time Kaappi recognises.',
    future_time: '{column}: the time {value} is in the future.',
    ambiguous_match: 'Several persons in the register fit this row ({rule}); merge by hand.',
    email_in_two_rows: 'The same email is also on line {other}.',
    name_from_email: 'The name was missing; the start of the email address was used ({name}).',
    restricted: "Processing of this person is restricted: only the row's bans were recorded, the rest was left out.",
    unknown_mailchimp_file:
      "Neither the file's name nor its columns tell whether it holds subscribed, unsubscribed or cleaned contacts. Give the file the name Mailchimp gave it (subscribed_, unsubscribed_, cleaned_, nonsubscribed_) or import it as a table.",
    address_unparsed: 'The address "{value}" could not be split; it was kept as the street address as it is.',
  },
};

export function problemText(language: Language, code: RowProblemCode, params: Params = {}): string {
  return fill(problems[language][code], params);
}

/** Why a file cannot be read, in the user's words (the reader's own message goes to the log only). */
const unreadableReasons = {
  fi: {
    broken_quote:
      'lainausmerkeissä oleva kenttä on rikki: lainausmerkki puuttuu tai on väärässä kohdassa. Tallenna tiedosto taulukko-ohjelmasta uudelleen CSV-muodossa.',
    too_large: 'tiedosto on yli 50 Mt. Jaa se pienempiin osiin.',
    zip_too_large: 'zip-paketti purkautuisi yli 200 Mt:n kokoiseksi.',
    xlsx_too_large:
      'Excel-tiedosto purkautuisi yli 64 Mt:n kokoiseksi. Tallenna se CSV-muodossa tai jaa se pienempiin osiin.',
    damaged_zip: 'zip-pakettia ei voi avata: se voi olla vioittunut tai salasanalla suojattu.',
    damaged_xlsx:
      'Excel-tiedostoa ei voi avata: se voi olla vioittunut, salasanalla suojattu tai vanhaa .xls-muotoa. Tallenna se .xlsx- tai CSV-muodossa.',
  },
  en: {
    broken_quote:
      'a quoted field is broken: a quote is missing or out of place. Save the file again as CSV from the spreadsheet program.',
    too_large: 'the file is larger than 50 MB. Split it into smaller files.',
    zip_too_large: 'the zip would unpack to more than 200 MB.',
    xlsx_too_large: 'the Excel file would unpack to more than 64 MB. Save it as CSV or split it into smaller files.',
    damaged_zip: 'the zip cannot be opened: it may be damaged or password-protected.',
    damaged_xlsx:
      'the Excel file cannot be opened: it may be damaged, password-protected or in the old .xls format. Save it as .xlsx or CSV.',
  },
} as const;

export type UnreadableReason = keyof (typeof unreadableReasons)['en'];

export function unreadableReasonText(language: Language, reason: UnreadableReason): string {
  return unreadableReasons[language][reason];
}
