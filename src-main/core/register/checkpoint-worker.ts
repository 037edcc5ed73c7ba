// Worker thread entry for BackgroundCheckpoint (wal-checkpoint.ts): opens the register with its own
// connection, copies the WAL into the file, closes, and reports through the shared memory, `done`
// last, whatever happened.
import { workerData } from 'node:worker_threads';
import { openDatabase, useNativeBinding } from '../../db/open';
import { CHECKPOINTED, DONE, LOG, OK, type CheckpointWorkerData } from './wal-checkpoint';

const { path, key, nativeBinding, done: shared } = workerData as CheckpointWorkerData;
const keyBuffer = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
try {
  useNativeBinding(nativeBinding);
  // The register must be there: a file moved away meanwhile must not be created again, empty.
  const { sqlite } = openDatabase(path, keyBuffer, { mustExist: true });
  try {
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    Atomics.store(shared, LOG, result?.log ?? 0);
    Atomics.store(shared, CHECKPOINTED, result?.checkpointed ?? 0);
    Atomics.store(shared, OK, 1);
  } finally {
    sqlite.close();
  }
} catch (error) {
  console.warn('kaappi: background checkpoint failed', error);
} finally {
  keyBuffer.fill(0);
  Atomics.store(shared, DONE, 1);
  Atomics.notify(shared, DONE);
}
