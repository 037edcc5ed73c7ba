// Handlers of the request inbox: thin calls into core/requests.
import {
  addRecipient,
  completeRequest,
  confirmSubjects,
  extendDeadline,
  getRequest,
  liftRestriction,
  listRequests,
  markRecipientTold,
  receiveRequest,
  refuseRequest,
  requestAttachment,
  requestCounts,
  setObjectionBans,
  setRectification,
  startRequest,
  suggestSubjects,
  verifyIdentity,
  type RectifiableField,
} from '../../core/requests';
import { readRegisterProfile, updateRegisterProfile } from '../../core/settings';
import type { requestChannels } from '../../../src-shared/contract/requests';
import type { HandlersFor } from '../registry';

export const requestHandlers: HandlersFor<keyof typeof requestChannels> = {
  'requests.list': ({ register }, filter) => listRequests(register, filter),
  'requests.counts': ({ register }) => requestCounts(register),
  'requests.get': ({ register }, { id }) => getRequest(register, id),
  'requests.suggestSubjects': ({ register }, clues) => suggestSubjects(register, clues),
  'requests.receive': ({ register }, { attachments, ...request }) =>
    receiveRequest(register, {
      ...request,
      attachments: attachments.map(({ base64, ...file }) => ({ ...file, content: Buffer.from(base64, 'base64') })),
    }),
  'requests.confirmSubjects': ({ register }, { id, personIds }) => confirmSubjects(register, id, personIds),
  'requests.verify': ({ register }, { id, verification }) => verifyIdentity(register, id, verification),
  'requests.start': ({ register }, { id }) => startRequest(register, id),
  'requests.extend': ({ register }, { id, ...input }) => extendDeadline(register, id, input),
  'requests.refuse': ({ register }, { id, reason }) => refuseRequest(register, id, { reason }),
  'requests.complete': ({ register }, { id, note }) => completeRequest(register, id, { note }),
  'requests.setRectification': ({ register }, { id, changes }) =>
    setRectification(
      register,
      id,
      Object.entries(changes).map(([field, to]) => ({ field: field as RectifiableField, to: to ?? null })),
    ),
  'requests.setObjectionBans': ({ register }, { id, bans }) => setObjectionBans(register, id, bans),
  'requests.addRecipient': ({ register }, { id, recipient }) => addRecipient(register, id, recipient),
  'requests.markRecipientTold': ({ register }, { id, recipientId, toldOn }) =>
    markRecipientTold(register, id, recipientId, toldOn),
  'requests.attachment': ({ register }, { id, attachmentId }) => {
    const { content, ...file } = requestAttachment(register, id, attachmentId);
    return { ...file, base64: content.toString('base64') };
  },
  'persons.liftRestriction': ({ register }, { personId }) => {
    liftRestriction(register, personId);
    return null;
  },
  'settings.registerProfile': ({ register }) => readRegisterProfile(register),
  'settings.updateRegisterProfile': ({ register }, profile) => updateRegisterProfile(register, profile),
};
