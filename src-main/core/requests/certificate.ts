// The written certificate (kirjallinen todistus) of a refusal in whole or in part: what, why, when,
// by whom, and that the person may take it to the Data Protection Ombudsman (from the profile).
import { KaappiError } from '../../../src-shared/errors';
import type { RequestView } from '../../../src-shared/requests/types';
import type { RegisterProfile } from '../settings';
import { formatDate, label, text, type Block, type DocumentModel } from '../documents';
import { authorityParams, recipientBlock, requestDocument, senderBlock } from './letterhead';
import type { Language } from '../../../src-shared/language';

export interface CertificateInput {
  profile: RegisterProfile;
  request: RequestView;
  today: string;
  language: Language;
  /** Why, already in the person's language; the request's outcome is used when none are given. */
  reasons: string[];
}

export function refusalCertificate({ profile, request, today, language, reasons }: CertificateInput): DocumentModel {
  const given = reasons.map((reason) => reason.trim()).filter((reason) => reason !== '');
  const why = given.length > 0 ? given : request.outcome?.trim() ? [request.outcome.trim()] : [];
  // A certificate that does not say why is worthless to the Ombudsman: refuse to write one.
  if (why.length === 0) throw new KaappiError('INVALID_INPUT');
  const extent = text(language, request.refusedInPart ? 'certificate_part' : 'certificate_whole');
  const authority = authorityParams(profile, language);
  const recipient = recipientBlock(request);
  const blocks: Block[] = [
    senderBlock(profile),
    ...(recipient ? [recipient] : []),
    { kind: 'paragraph', text: text(language, 'certificate_intro', { controller: profile.controller.name, extent }) },
    {
      kind: 'keyValues',
      rows: [
        [text(language, 'certificate_request'), label(language, 'requestType', request.type)],
        [text(language, 'certificate_requestNumber'), String(request.id)],
        [text(language, 'certificate_received'), formatDate(request.receivedOn, language)],
        [text(language, 'certificate_requester'), request.redacted ? null : request.requesterName],
        [text(language, 'certificate_refused'), extent],
        [text(language, 'certificate_decisionDate'), formatDate(request.closedOn ?? today, language)],
      ],
    },
    { kind: 'heading', text: text(language, 'certificate_reasons') },
    ...why.map((reason): Block => ({ kind: 'paragraph', text: reason })),
    { kind: 'heading', text: text(language, 'certificate_remedyHeading') },
    { kind: 'paragraph', text: text(language, 'certificate_remedy') },
    {
      kind: 'lines',
      lines: [authority.authority, authority.address, authority.email, authority.www].filter((line) => line !== ''),
    },
    { kind: 'heading', text: text(language, 'certificate_signature') },
    {
      kind: 'lines',
      lines: [
        text(language, 'certificate_dated', {
          city: profile.controller.city,
          date: formatDate(today, language),
        }).replace(/^[,\s]+/, ''),
        '',
        '',
        '_______________________________',
        profile.controller.name,
        profile.contactPerson.name,
      ].filter((line, i) => i <= 3 || line !== ''),
    },
  ];
  return requestDocument(text(language, 'certificate_title'), request, today, language, blocks);
}
