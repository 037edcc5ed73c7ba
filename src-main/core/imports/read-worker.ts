// Worker thread entry for readInWorkers (read-in-workers.ts): reads the chunks of rows it is given,
// in order, and replies with each chunk's readings as soon as it is read. It stays until it is
// terminated: a worker that exits by itself may have its 'exit' seen before its last replies.
import { parentPort } from 'node:worker_threads';
import { rowReader, type ReadRow } from './reader';
import type { ReadJob, ReadReply } from './read-in-workers';

const port = parentPort!;
port.on('message', (job: ReadJob) => {
  const readers = new Map<number, ReadRow>();
  try {
    for (const chunk of job.chunks) {
      let read = readers.get(chunk.fileIndex);
      if (!read) {
        read = rowReader(job.specs[chunk.fileIndex]!);
        readers.set(chunk.fileIndex, read);
      }
      const readings = chunk.rows.map(({ line, cells }) => read(line, cells));
      port.postMessage({ id: chunk.id, readings } satisfies ReadReply);
    }
  } catch (error) {
    port.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies ReadReply);
  }
});
