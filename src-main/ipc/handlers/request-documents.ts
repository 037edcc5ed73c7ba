// Handlers that write a request's files: the subject's package and the letters, to a folder the
// user picks in main's own dialog (null when they cancel).
import { requestDocumentHtml, writeRequestDocument } from '../../core/requests';
import { writeSubjectPackage } from '../../core/subject-package';
import type { requestDocumentChannels } from '../../../src-shared/contract/request-documents';
import type { HandlersFor } from '../registry';

export const requestDocumentHandlers: HandlersFor<keyof typeof requestDocumentChannels> = {
  'requests.exportPackage': async (ctx, { id, personId, password }) => {
    const folder = await ctx.dialogs.chooseFolder('subject-package');
    if (folder === null) return null;
    return writeSubjectPackage(ctx.register, { personId, requestId: id, folder, ...(password ? { password } : {}) });
  },
  'requests.letter': ({ register }, { id, kind }) => requestDocumentHtml(register, id, kind),
  'requests.saveLetter': async (ctx, { id, kind }) => {
    const folder = await ctx.dialogs.chooseFolder('letter');
    return folder === null ? null : writeRequestDocument(ctx.register, id, kind, folder);
  },
};
