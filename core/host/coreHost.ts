import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { contract, type MethodName, type UnsavedForm, type VaultOpening } from '../api/contract';
import { fail, toErrorBody, type ApiResult } from '../api/errors';
import type { VaultStatus } from '../api/schemas';
import { validateCall } from '../api/validate';
import type { KdfParams } from '../vault/crypto';
import type { PrintPdf } from '../api/print';
import {
  isPrintRequest,
  type FromWorker,
  type PrintReply,
  type PrintRequest,
  type WorkerRequest,
  type WorkerSetup,
} from '../worker/protocol';

export interface CoreHostOptions {
  /** The bundled core worker (dist/core/worker.js). */
  workerFile: string;
  /** Where this installation keeps its settings (never case data). */
  dataDir: string;
  /** Tests only: a fixed KDF cost instead of calibration. */
  kdf?: KdfParams;
  /** The host's PDF engine, for reports; without one, saving a PDF fails with PRINT_FAILED. */
  printPdf?: PrintPdf;
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
 *
 * A call that opens a vault while another is unlocked runs in a fresh worker: if it fails, the
 * open vault is untouched; if it succeeds, the old worker is terminated, so nothing of the
 * previous vault outlives the switch.
 */
export class CoreHost {
  private worker: LiveWorker | null = null;
  /** The fresh worker of a vault switch that has not finished yet. */
  private candidate: LiveWorker | null = null;
  /** Vault-opening calls run one at a time, so two switches never race. */
  private opening: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /**
   * Every worker of this installation claims vault folders under one token, so a worker can
   * take over the claim a terminated predecessor could not release (terminating skips all
   * cleanup), even when the host itself was restarted inside the same process.
   */
  private readonly lockOwner: string;
  /**
   * The renderer's forms with unsaved changes, as it last reported them, and those the last lock
   * discarded: which form and whose id, never what was typed, so nothing of a case outlives the
   * worker but the fact that an edit was lost.
   */
  private unsaved: UnsavedForm[] = [];
  private discarded: UnsavedForm[] = [];

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
    if (call.method === 'noteUnsavedForms') {
      this.unsaved = (call.args as { forms: UnsavedForm[] }).forms;
      return { ok: true, value: {} };
    }
    if (call.method === 'takeDiscardedForms') {
      const forms = this.discarded;
      this.discarded = [];
      return { ok: true, value: { forms } };
    }
    const opens = contract[call.method].opensVault;
    if (opens) return this.serialOpen(call.method, call.args as { folder: string }, opens);
    return this.send(call.method, call.args);
  }

  /** Drops the worker and everything it held, and any vault switch under way. */
  async lock(): Promise<void> {
    if (this.worker && this.unsaved.length > 0) this.discarded = this.unsaved;
    this.unsaved = [];
    const workers = [this.worker, this.candidate];
    this.worker = null;
    this.candidate = null;
    for (const worker of workers) if (worker) await worker.thread.terminate();
  }

  async dispose(): Promise<void> {
    await this.lock();
  }

  private serialOpen(
    method: MethodName,
    args: { folder: string },
    opens: VaultOpening,
  ): Promise<ApiResult<unknown>> {
    const run = this.opening.then(() => this.open(method, args, opens));
    this.opening = run.catch(() => undefined);
    return run;
  }

  private async open(
    method: MethodName,
    args: { folder: string },
    opens: VaultOpening,
  ): Promise<ApiResult<unknown>> {
    const current = this.worker;
    if (!current) return this.send(method, args);
    const status = await this.sendTo(current, 'vaultStatus', {});
    // A worker that stopped or was locked meanwhile answers the call as it would have.
    if (!status.ok) return status;
    if (this.worker !== current) return fail('VAULT_LOCKED', 'The vault was locked');
    const open = status.value as VaultStatus;
    if (open.state !== 'unlocked') return this.send(method, args);
    // One folder is never open twice: reopening the open vault (read-write after read-only, a
    // repair) closes it first.
    if (opens === 'existing' && open.folder === path.resolve(args.folder)) {
      await this.lock();
      return this.send(method, args);
    }
    const fresh = this.spawn();
    this.candidate = fresh;
    const result = await this.sendTo(fresh, method, args);
    // A lock while the switch ran has terminated the fresh worker and answered VAULT_LOCKED.
    if (this.candidate !== fresh) return result;
    this.candidate = null;
    if (!result.ok) {
      await fresh.thread.terminate();
      return result;
    }
    this.worker = fresh;
    await current.thread.terminate();
    return result;
  }

  private send(method: string, args: unknown): Promise<ApiResult<unknown>> {
    this.worker ??= this.spawn();
    return this.sendTo(this.worker, method, args);
  }

  private sendTo(worker: LiveWorker, method: string, args: unknown): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    const request: WorkerRequest = { id, method, args };
    return new Promise((resolve) => {
      worker.pending.set(id, resolve);
      worker.thread.postMessage(request);
    });
  }

  /** Prints a page for the worker; a failure is only "no PDF", never the engine's message. */
  private async print(live: LiveWorker, request: PrintRequest): Promise<void> {
    let pdf: Uint8Array | null = null;
    try {
      if (this.options.printPdf) pdf = new Uint8Array(await this.options.printPdf(request.job));
    } catch {
      pdf = null;
    }
    const reply: PrintReply = { type: 'printed', id: request.id, pdf };
    // A worker locked meanwhile has gone with the job that asked.
    if (live === this.worker || live === this.candidate) {
      live.thread.postMessage(reply, pdf ? [pdf.buffer as ArrayBuffer] : []);
    }
  }

  private spawn(): LiveWorker {
    const setup: WorkerSetup = {
      dataDir: this.options.dataDir,
      kdf: this.options.kdf,
      lockOwner: this.lockOwner,
    };
    const live: LiveWorker = {
      thread: new Worker(this.options.workerFile, { workerData: setup }),
      pending: new Map(),
    };
    live.thread.on('message', (reply: FromWorker) => {
      if (isPrintRequest(reply)) {
        void this.print(live, reply);
        return;
      }
      const resolve = live.pending.get(reply.id);
      live.pending.delete(reply.id);
      resolve?.(reply.result);
    });
    // A worker that dies (crash or lock) answers every call still waiting on it.
    const settleAll = (message: string) => {
      if (this.worker === live) this.worker = null;
      if (this.candidate === live) this.candidate = null;
      for (const resolve of live.pending.values()) resolve(fail('VAULT_LOCKED', message));
      live.pending.clear();
    };
    live.thread.on('error', () => settleAll('The core stopped unexpectedly'));
    live.thread.on('exit', () => settleAll('The vault was locked'));
    return live;
  }
}
