export { completeRequest } from './complete';
export { addMonths, dueDateFor, latestExtensionFor, urgencyOf } from '../../../src-shared/requests/deadlines';
export { addRecipient, liftRestriction, markRecipientTold, setObjectionBans, setRectification } from './details';
export { holdText } from './hold-texts';
export { extendDeadline, refuseRequest, startRequest, verifyIdentity } from './lifecycle';
export {
  getRequest,
  listRequests,
  requestAttachment,
  requestCounts,
  type RequestCounts,
  type RequestFilter,
} from './read';
export { confirmSubjects, receiveRequest, suggestSubjects, type NewRequest, type SubjectSuggestion } from './receive';
export { redactRequestsOf } from './redact';
export * from '../../../src-shared/requests/types';
export { requestDocumentHtml, writeRequestDocument, type RequestDocumentKind } from './documents';
export { refusalCertificate, type CertificateInput } from './certificate';
export { requestLetter, type LetterInput } from './letter';
