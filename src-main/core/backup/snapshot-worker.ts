// Worker thread entry for snapshotInWorker (snapshot.ts): takes a verified copy, replies, exits.
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from '../../db/open';
import { KaappiError } from '../../../src-shared/errors';
import { writeVerifiedSnapshot } from './snapshot';

const { source, target, key, nativeBinding } = workerData as {
  source: string;
  target: string;
  key: Uint8Array;
  nativeBinding: string | undefined;
};
useNativeBinding(nativeBinding);
const keyBuffer = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
try {
  parentPort!.postMessage({ ok: true, snapshot: writeVerifiedSnapshot(source, target, keyBuffer) });
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    code: error instanceof KaappiError ? error.code : 'BACKUP_INVALID',
    message: error instanceof Error ? error.message : String(error),
  });
} finally {
  keyBuffer.fill(0);
}
