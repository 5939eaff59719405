import { parentPort, workerData } from 'node:worker_threads';
import { fail } from '../api/errors';
import { createHandlers } from '../service/handlers';
import { dispatch } from '../service/dispatch';
import { CoreSession } from '../service/session';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('The core must run in a worker thread');

const setup = workerData as WorkerSetup;
// If the settings folder is unusable every call says so, instead of the worker dying silently.
const handlers = CoreSession.start({
  dataDir: setup.dataDir,
  kdf: setup.kdf,
  vault: { lockOwner: setup.lockOwner },
}).then(createHandlers, () => null);

// Calls run one after another: a read never sees a commit that is still waiting for its fsync.
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const ready = await handlers;
    const result = ready
      ? await dispatch(ready, request.method, request.args)
      : fail('STORAGE_FAILED', 'Cannot read or write the settings folder');
    const reply: WorkerReply = { id: request.id, result };
    port.postMessage(reply);
  });
});
