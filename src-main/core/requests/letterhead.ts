// The parts every letter and certificate share: who sends it, to whom, and who signs it, all taken
// from the register profile so that they match the privacy notice.
import type { RequestView } from '../../../src-shared/requests/types';
import type { RegisterProfile } from '../settings';
import { formatDate, text, type Block, type DocumentModel } from '../documents';
import type { Language } from '../../../src-shared/language';

const joined = (parts: Array<string | null | undefined>, separator = ' ') =>
  parts.filter((part) => part !== undefined && part !== null && part.trim() !== '').join(separator);

export function senderBlock(profile: RegisterProfile): Block {
  const { controller } = profile;
  return {
    kind: 'lines',
    lines: [
      controller.name,
      controller.street,
      joined([controller.postalCode, controller.city]),
      joined([controller.businessId && `Y-tunnus / Business ID ${controller.businessId}`]),
    ].filter((line) => line !== ''),
  };
}

/** The requester's name and contact, unless they were redacted when the person was erased. */
export function recipientBlock(request: RequestView): Block | null {
  const lines = [request.requesterName, request.requesterContact].filter((line) => line.trim() !== '');
  return lines.length > 0 ? { kind: 'lines', lines } : null;
}

export function greeting(request: RequestView, language: Language): string {
  const name = request.requesterName.trim();
  return name === '' || request.redacted
    ? text(language, 'letter_greetingGeneric')
    : text(language, 'letter_greeting', { name });
}

/** Whom to ask: the contact person for register matters, else the controller. */
export function contactLine(profile: RegisterProfile): string {
  const { contactPerson, controller } = profile;
  const person = contactPerson.name ? contactPerson : controller;
  return joined([person.name, person.phone, person.email], ', ');
}

export function authorityParams(profile: RegisterProfile, language: Language) {
  const { authority } = profile;
  return {
    authority: authority.name[language],
    address: authority.address,
    email: authority.email,
    www: authority.www,
  };
}

export function signatureBlock(profile: RegisterProfile, language: Language): Block {
  return {
    kind: 'lines',
    lines: [text(language, 'letter_closing'), '', profile.controller.name, profile.contactPerson.name].filter(
      (line, i) => i === 1 || line !== '',
    ),
  };
}

/** A letter or certificate about a request: its title, the date and the request's number above the blocks. */
export function requestDocument(
  title: string,
  request: RequestView,
  today: string,
  language: Language,
  blocks: Block[],
): DocumentModel {
  return {
    title,
    meta: [
      text(language, 'letter_date', { date: formatDate(today, language) }),
      text(language, 'letter_reference', { id: request.id }),
    ],
    blocks,
    empty: text(language, 'empty'),
  };
}
