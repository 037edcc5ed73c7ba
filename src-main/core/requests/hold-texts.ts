// Why an erasure could not be done, in the requester's language: the text goes on the request as
// its outcome and from there onto the written certificate.
import { formatDate } from '../documents';
import type { HoldReason } from '../retention';
import { interpolate, type Language } from '../../../src-shared/language';

const texts: Record<Language, Record<HoldReason['kind'], string>> = {
  fi: {
    open_invoice: 'Henkilöllä on avoin lasku; laskutustiedot tarvitaan, kunnes se on maksettu.',
    in_collection: 'Henkilön lasku on perinnässä; tiedot tarvitaan oikeudellisen vaateen hoitamiseen.',
    billing_retention: 'Kirjanpitolaki velvoittaa säilyttämään kirjanpitoaineiston (laskut ja tilaukset) {until} asti.',
    contact_person:
      'Henkilö on asiakasyrityksen nykyinen yhteyshenkilö; tietoja ei voi poistaa yhteyshenkilönä toimimisen aikana.',
    manual: '{reason}',
    postponed: '',
    open_request: 'Henkilön toinen pyyntö on vielä käsittelyssä; siihen vastataan ensin.',
  },
  en: {
    open_invoice: 'There is an open invoice; the billing details are needed until it has been paid.',
    in_collection: 'An invoice is in collection; the details are needed to handle a legal claim.',
    billing_retention:
      'The Finnish Accounting Act requires bookkeeping material (invoices and orders) to be kept until {until}.',
    contact_person:
      'The person is the current contact person of a client organization; their details cannot be erased while they act as such.',
    manual: '{reason}',
    postponed: '',
    open_request: "Another of the person's requests is still open; it is answered first.",
  },
};

export function holdText(hold: HoldReason, language: Language): string {
  const params: Record<string, string> = {
    until: 'until' in hold ? formatDate(hold.until, language) : '',
    reason: 'reason' in hold ? hold.reason : '',
  };
  return interpolate(texts[language][hold.kind], params);
}

/** Holds that keep only the billing records: the rest of the person's data can go. */
export const BILLING_HOLDS: ReadonlyArray<HoldReason['kind']> = ['open_invoice', 'in_collection'];

/** What stays of an erased person's orders for the Accounting Act, no longer linked to them. */
export function bookkeepingKeptText(until: string, language: Language): string {
  const date = formatDate(until, language);
  return language === 'fi'
    ? `Kirjanpitolaki velvoittaa säilyttämään tilausten kirjanpitotiedot (päivä, summa, kuvaus, maksun tila) ${date} asti. Ne säilytetään ilman yhteyttä henkilöön, ja ne poistetaan tuolloin; muut tiedot on poistettu.`
    : `The Finnish Accounting Act requires the bookkeeping details of orders (date, amount, description, payment status) to be kept until ${date}. They are kept without any link to the person and deleted then; all other data has been erased.`;
}

/** The answer when the register holds nothing about the requester (found nobody to link). */
export const noDataText: Record<Language, string> = {
  fi: 'Rekisterissä ei ole tietoja pyytäjästä.',
  en: 'The register holds no data about the requester.',
};

export const partialErasureText: Record<Language, string> = {
  fi: 'Muut tiedot on poistettu. Laskutukseen tarvittavat tiedot (nimi, osoite, sähköposti ja tilaukset) säilytetään vain tätä tarkoitusta varten, ja niiden käsittely on rajoitettu.',
  en: 'All other data has been erased. What billing needs (name, address, email and orders) is kept for that purpose only, and its processing is restricted.',
};
