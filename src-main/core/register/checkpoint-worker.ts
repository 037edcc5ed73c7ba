// Worker thread entry for BackgroundCheckpoint (wal-checkpoint.ts): opens the register with its own
// connection, copies the WAL into the file, closes, and raises the shared flag whatever happened.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, useNativeBinding } from '../../db/open';
import type { CheckpointReply, CheckpointWorkerData } from './wal-checkpoint';

const { path, key, nativeBinding, done } = workerData as CheckpointWorkerData;
const keyBuffer = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
let reply: CheckpointReply;
try {
  useNativeBinding(nativeBinding);
  const { sqlite } = openDatabase(path, keyBuffer);
  try {
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    reply = { ok: true, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 };
  } finally {
    sqlite.close();
  }
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
} finally {
  keyBuffer.fill(0);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
parentPort!.postMessage(reply);
