// Worker thread entry for startReadPool (read-in-workers.ts): reads the chunks of rows it is given,
// in order, and replies with each chunk's readings as soon as it is read. It stays until it is
// terminated: a worker that exits by itself may have its 'exit' seen before its last replies.
import { parentPort } from 'node:worker_threads';
import { rowReader } from './reader';
import type { ReadJob, ReadReply } from './read-in-workers';

const port = parentPort!;
port.on('message', (job: ReadJob) => {
  try {
    const readers = job.specs.map(rowReader);
    for (const chunk of job.chunks) {
      const read = readers[chunk.fileIndex]!;
      const readings = chunk.rows.map(({ line, cells }) => read(line, cells));
      port.postMessage({ id: chunk.id, readings } satisfies ReadReply);
    }
  } catch (error) {
    const reply: ReadReply =
      error instanceof Error
        ? { error: error.message, stack: error.stack }
        : { error: String(error), stack: undefined };
    port.postMessage(reply);
  }
});
