// When a person is erased, their requests stay as proof that they were answered, but without the
// requester's identity: name, contact, the request text, the verification note and attachments are
// removed, leaving only type, dates, status, the means of verification and the (now dangling) person id.
import { inArray } from 'drizzle-orm';
import type { RegisterDb } from '../../db/open';
import { requestAttachments, requests, requestSubjects } from '../../db/schema-requests';
import { inValueList } from '../../db/value-list';

export function redactRequestsOf(db: RegisterDb, personIds: number[], at: string): number {
  if (personIds.length === 0) return 0;
  const ids = db
    .selectDistinct({ id: requestSubjects.requestId })
    .from(requestSubjects)
    .where(inValueList(requestSubjects.personId, personIds))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return 0;
  db.delete(requestAttachments).where(inArray(requestAttachments.requestId, ids)).run();
  db.update(requests)
    .set({ requesterName: '', requesterContact: '', body: '', details: '{}', verifiedHow: null, redactedAt: at })
    .where(inArray(requests.id, ids))
    .run();
  return ids.length;
}
