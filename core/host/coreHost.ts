import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, toErrorBody, type ApiResult } from '../api/errors';
import { validateCall } from '../api/validate';
import type { KdfParams } from '../vault/crypto';
import type { WorkerReply, WorkerRequest, WorkerSetup } from '../worker/protocol';

export interface CoreHostOptions {
  /** The bundled core worker (dist/core/worker.js). */
  workerFile: string;
  /** Where this installation keeps its settings (never case data). */
  dataDir: string;
  /** Tests only: a fixed KDF cost instead of calibration. */
  kdf?: KdfParams;
}

type Resolve = (result: ApiResult<unknown>) => void;

interface LiveWorker {
  thread: Worker;
  pending: Map<number, Resolve>;
}

/**
 * Owns the core worker thread for a host process (Electron main or the browser host). Every
 * call is validated against the contract here, before it reaches the worker. Locking terminates
 * the worker, so keys and decrypted pages die with its heap.
 */
export class CoreHost {
  private worker: LiveWorker | null = null;
  private nextId = 1;
  /**
   * Every worker of this installation claims vault folders under one token, so a worker can
   * take over the claim a terminated predecessor could not release (terminating skips all
   * cleanup), even when the host itself was restarted inside the same process.
   */
  private readonly lockOwner: string;

  constructor(private readonly options: CoreHostOptions) {
    this.lockOwner = createHash('sha256')
      .update(`vigil core host ${path.resolve(options.dataDir)}`)
      .digest('hex')
      .slice(0, 24);
  }

  async call(method: unknown, args: unknown): Promise<ApiResult<unknown>> {
    let call;
    try {
      call = validateCall(method, args);
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
    if (call.method === 'lockVault') {
      await this.lock();
      return this.send('vaultStatus', {});
    }
    return this.send(call.method, call.args);
  }

  /** Drops the worker and everything it held. Safe to call when already locked. */
  async lock(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.thread.terminate();
  }

  async dispose(): Promise<void> {
    await this.lock();
  }

  private send(method: string, args: unknown): Promise<ApiResult<unknown>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const request: WorkerRequest = { id, method, args };
    return new Promise((resolve) => {
      worker.pending.set(id, resolve);
      worker.thread.postMessage(request);
    });
  }

  private ensureWorker(): LiveWorker {
    if (this.worker) return this.worker;
    const setup: WorkerSetup = {
      dataDir: this.options.dataDir,
      kdf: this.options.kdf,
      lockOwner: this.lockOwner,
    };
    const live: LiveWorker = {
      thread: new Worker(this.options.workerFile, { workerData: setup }),
      pending: new Map(),
    };
    live.thread.on('message', (reply: WorkerReply) => {
      const resolve = live.pending.get(reply.id);
      live.pending.delete(reply.id);
      resolve?.(reply.result);
    });
    // A worker that dies (crash or lock) answers every call still waiting on it.
    const settleAll = (message: string) => {
      if (this.worker === live) this.worker = null;
      for (const resolve of live.pending.values()) resolve(fail('VAULT_LOCKED', message));
      live.pending.clear();
    };
    live.thread.on('error', () => settleAll('The core stopped unexpectedly'));
    live.thread.on('exit', () => settleAll('The vault was locked'));
    this.worker = live;
    return live;
  }
}
