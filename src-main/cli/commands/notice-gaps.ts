// What the privacy notice still lacks, in words: `kaappi notice` lists it after writing the notice,
// `kaappi settings` after showing or changing the facts it is printed from.

import type { NoticeGap } from '../../core/notice';
import type { Language } from '../../../src-shared/language';

const GAPS: Record<Language, Record<NoticeGap | 'heading', string>> = {
  en: {
    heading: 'The notice still lacks:',
    'controller.name': "  the controller's name",
    'controller.contact': '  a phone number or email address to contact',
    purposes: '  the purposes of processing (in Finnish and English)',
    legalBases: '  a legal basis for processing',
    balancingNote: '  the balancing note for legitimate interest (in Finnish and English)',
    retention: '  a retention period: no retention policy is on and no retention text is written',
    transfers: '  whether data is transferred outside the EU/EEA (not chosen yet)',
    transferSafeguard: '  the safeguard of a transfer outside the EU/EEA',
    securityCloud: "  the security measures say 'never in a cloud' although processors or partners' servers are used",
    cookiesText: '  what the website collects with cookies',
  },
  fi: {
    heading: 'Selosteesta puuttuu vielä:',
    'controller.name': '  rekisterinpitäjän nimi',
    'controller.contact': '  puhelinnumero tai sähköpostiosoite yhteydenottoja varten',
    purposes: '  käsittelyn tarkoitus (suomeksi ja englanniksi)',
    legalBases: '  käsittelyn oikeusperuste',
    balancingNote: '  oikeutetun edun punninta (suomeksi ja englanniksi)',
    retention: '  säilytysaika: yksikään säilytyssääntö ei ole käytössä eikä säilytyksestä ole kirjoitettu',
    transfers: '  siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle (ei vielä valittu)',
    transferSafeguard: '  EU:n tai ETA:n ulkopuolelle siirron suojatoimi',
    securityCloud:
      "  suojaustoimissa lukee 'ei pilvipalvelussa', vaikka käytössä on käsittelijöitä tai kumppanien palvelimia",
    cookiesText: '  mitä verkkosivusto kerää evästeillä',
  },
};

/** The heading and one line per gap; nothing when the notice lacks nothing. */
export function gapLines(language: Language, gaps: readonly NoticeGap[]): string[] {
  if (gaps.length === 0) return [];
  return [GAPS[language].heading, ...gaps.map((gap) => GAPS[language][gap])];
}
