import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, fail } from '../api/errors';
import { contract, type MethodName } from '../api/contract';
import type { PrintJob } from '../api/print';
import { createHandlers } from '../service/handlers';
import { dispatch } from '../service/dispatch';
import { CoreSession } from '../service/session';
import {
  isPrintReply,
  type PrintRequest,
  type ToWorker,
  type WorkerReply,
  type WorkerSetup,
} from './protocol';

if (!parentPort) throw new Error('The core must run in a worker thread');
const port = parentPort;

const setup = workerData as WorkerSetup;

/** Print jobs waiting for the host, by id. */
const printing = new Map<number, (pdf: Uint8Array | null) => void>();
let nextPrint = 1;

function printPdf(job: PrintJob): Promise<Uint8Array> {
  const id = nextPrint++;
  const request: PrintRequest = { type: 'print', id, job };
  return new Promise((resolve, reject) => {
    printing.set(id, (pdf) =>
      pdf ? resolve(pdf) : reject(new ApiError('PRINT_FAILED', 'The host could not print')),
    );
    port.postMessage(request);
  });
}

// If the settings folder is unusable every call says so, instead of the worker dying silently.
const handlers = CoreSession.start({
  dataDir: setup.dataDir,
  kdf: setup.kdf,
  vault: { lockOwner: setup.lockOwner },
  // The build copies the report font beside the core bundle (scripts/build.mjs).
  reports: { printPdf, fontDir: path.join(__dirname, '..', 'fonts') },
}).then(createHandlers, () => null);

// Calls run one after another: a read never sees a commit that is still waiting for its fsync.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  // A printed page answers a call that is running, so it must not wait in the queue behind it.
  if (isPrintReply(message)) {
    printing.get(message.id)?.(message.pdf);
    printing.delete(message.id);
    return;
  }
  const answer = async () => {
    const ready = await handlers;
    const result = ready
      ? await dispatch(ready, message.method, message.args, message.paths)
      : fail('STORAGE_FAILED', 'Cannot read or write the settings folder');
    const reply: WorkerReply = { id: message.id, result };
    port.postMessage(reply);
  };
  // An import's progress and its cancel touch no vault: they must answer while it runs. They
  // answer on the next turn, once the calls that came before them have started: a cancel
  // sent right after an import finds the import.
  if (isBeside(message.method)) setImmediate(() => void answer());
  else queue = queue.then(answer);
});

function isBeside(method: string): boolean {
  return Object.prototype.hasOwnProperty.call(contract, method)
    ? contract[method as MethodName].beside === true
    : false;
}
