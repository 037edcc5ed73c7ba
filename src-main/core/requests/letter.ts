// The reply letter to a data-subject request: an acknowledgement or extension notice (GDPR Art. 12(3))
// while open, what was done when done, a pointer to the certificate when refused.
import type { RequestView } from '../../../src-shared/requests/types';
import { formatDate, label, text, type Block, type DocumentModel } from '../documents';
import type { RegisterProfile } from '../settings';
import type { Language } from '../../../src-shared/language';
import {
  authorityParams,
  contactLine,
  greeting,
  recipientBlock,
  requestDocument,
  senderBlock,
  signatureBlock,
} from './letterhead';

export interface LetterInput {
  profile: RegisterProfile;
  request: RequestView;
  /** YYYY-MM-DD: the letter's date. */
  today: string;
  language: Language;
}

const OPEN_STATUSES: ReadonlyArray<RequestView['status']> = ['received', 'verified', 'in_progress'];

function openBody(request: RequestView, language: Language): string {
  const received = formatDate(request.receivedOn, language);
  const deadline = formatDate(request.deadline, language);
  if (request.extendedTo === null) return text(language, 'letter_acknowledged', { received, deadline });
  const reason = request.extensionReason?.trim();
  return reason
    ? text(language, 'letter_extended', { received, deadline, reason })
    : text(language, 'letter_extendedNoReason', { received, deadline });
}

function doneBody(request: RequestView, language: Language, today: string): Block[] {
  const date = formatDate(request.closedOn ?? today, language);
  const paragraph = (key: Parameters<typeof text>[1], params: Record<string, string> = {}): Block => ({
    kind: 'paragraph',
    text: text(language, key, params),
  });
  if (request.subjects.length === 0) return [paragraph('letter_done_noData')];
  switch (request.type) {
    case 'access':
      return [paragraph('letter_done_access')];
    case 'portability':
      return [paragraph('letter_done_portability')];
    case 'rectification': {
      const changes = request.details.changes ?? [];
      const told = request.recipients.filter((r) => r.toldOn !== null).map((r) => r.recipient);
      const blocks: Block[] = [paragraph('letter_done_rectification')];
      if (changes.length > 0) {
        blocks.push({
          kind: 'keyValues',
          rows: changes.map((change) => [
            label(language, 'field', change.field),
            `${change.from ?? text(language, 'empty')} → ${change.to ?? text(language, 'empty')}`,
          ]),
        });
      }
      if (told.length > 0) blocks.push(paragraph('letter_recipientsTold', { recipients: told.join(', ') }));
      return blocks;
    }
    case 'erasure':
      return [
        paragraph(request.refusedInPart ? 'letter_done_erasureInPart' : 'letter_done_erasure', { date }),
        paragraph('letter_erasureRemains'),
      ];
    case 'restriction':
      return [paragraph('letter_done_restriction', { date })];
    case 'objection': {
      const bans = request.details.bans ?? [];
      return [
        paragraph('letter_done_objection', { date }),
        ...(bans.length > 0
          ? [paragraph('letter_bansRecorded', { bans: bans.map((ban) => label(language, 'consent', ban)).join(', ') })]
          : []),
      ];
    }
    case 'ban_direct_marketing':
    case 'ban_research':
    case 'ban_publication':
      return [paragraph('letter_done_ban', { date, type: label(language, 'requestType', request.type) })];
  }
}

export function requestLetter({ profile, request, today, language }: LetterInput): DocumentModel {
  const blocks: Block[] = [senderBlock(profile)];
  const recipient = recipientBlock(request);
  if (recipient) blocks.push(recipient);
  blocks.push({
    kind: 'heading',
    text: text(language, 'letter_subject', {
      type: label(language, 'requestType', request.type),
      received: formatDate(request.receivedOn, language),
    }),
  });
  blocks.push({ kind: 'paragraph', text: greeting(request, language) });

  const enclosures: string[] = [];
  if (OPEN_STATUSES.includes(request.status)) {
    blocks.push({ kind: 'paragraph', text: openBody(request, language) });
  } else if (request.status === 'refused') {
    blocks.push({
      kind: 'paragraph',
      text: text(language, request.refusedInPart ? 'letter_refusedInPart' : 'letter_refused'),
    });
    blocks.push({ kind: 'paragraph', text: text(language, 'letter_complaint', authorityParams(profile, language)) });
    enclosures.push(text(language, 'letter_enclosureCertificate'));
  } else {
    blocks.push(...doneBody(request, language, today));
    if (request.outcome?.trim()) {
      blocks.push({ kind: 'paragraph', text: text(language, 'letter_outcome', { outcome: request.outcome.trim() }) });
    }
    if (request.type === 'access' || request.type === 'portability') {
      enclosures.push(text(language, 'letter_enclosurePackage'));
    }
  }

  const contact = contactLine(profile);
  if (contact) blocks.push({ kind: 'paragraph', text: text(language, 'letter_questions', { contact }) });
  blocks.push(signatureBlock(profile, language));
  if (enclosures.length > 0) {
    blocks.push({ kind: 'keyValues', rows: [[text(language, 'letter_enclosures'), enclosures.join('\n')]] });
  }
  return requestDocument(text(language, 'letter_title'), request, today, language, blocks);
}
