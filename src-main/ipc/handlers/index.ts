// Every channel's handler, joined into the one map the registry is typed against.
import type { Handlers } from '../registry';
import { backupHandlers } from './backup';
import { importHandlers } from './imports';
import { noticeHandlers } from './notice';
import { registerHandlers } from './register';
import { requestDocumentHandlers } from './request-documents';
import { requestHandlers } from './requests';
import { retentionHandlers } from './retention';
import { sessionHandlers } from './session';
import { auditHandlers, userHandlers } from './users';

export const handlers: Handlers = {
  ...sessionHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...registerHandlers,
  ...retentionHandlers,
  ...requestHandlers,
  ...requestDocumentHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...noticeHandlers,
};
