import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  contract,
  pathFieldsOf,
  statusPlaceOf,
  type MethodName,
  type UnsavedForm,
  type VaultOpening,
} from '../api/contract';
import { ApiError, fail, toErrorBody, type ApiResult } from '../api/errors';
import type { Language } from '../api/language';
import type { PathPurpose, PickedPath, PickPathArgs } from '../api/pickers';
import type { CoreVaultStatus, VaultStatus } from '../api/schemas';
import { validateCall } from '../api/validate';
import { checkChoice, PathGrants, pickRequest, type PathPicker } from './pathGrants';
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
  /** The host's file and folder dialog; without one, `pickPath` fails with PICKER_FAILED. */
  pickPath?: PathPicker;
  /** Called when the interface shows another language, for the host's own menus. */
  onInterfaceLanguage?: (language: Language) => void;
}

type Paths = Record<string, string>;

type Resolve = (result: ApiResult<unknown>) => void;

interface LiveWorker {
  thread: Worker;
  pending: Map<number, Resolve>;
}

/** `value` with each string at a token field of `method` cut to its last part, the name shown. */
function namesForPaths(method: MethodName, value: unknown): unknown {
  const fields = Object.keys(pathFieldsOf(method));
  if (fields.length === 0 || typeof value !== 'object' || value === null) return value;
  const named: Record<string, unknown> = { ...value };
  for (const field of fields) {
    const written = named[field];
    if (typeof written === 'string') named[field] = path.basename(written) || written;
  }
  return named;
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
  /** The paths chosen in the host's pickers, behind the tokens the renderer holds. */
  private readonly grants = new PathGrants();
  /** The interface's language, as the renderer last said: the pickers speak it. */
  private language: Language = 'en';

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
    if (call.method === 'showInterfaceLanguage') {
      this.language = (call.args as { language: Language }).language;
      this.options.onInterfaceLanguage?.(this.language);
      return { ok: true, value: {} };
    }
    if (call.method === 'pickPath') return this.pick(call.args as PickPathArgs);
    let paths: Paths;
    try {
      paths = this.resolvePaths(call.method, call.args as Record<string, unknown>);
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
    const opens = contract[call.method].opensVault;
    const result = opens
      ? await this.serialOpen(call.method, call.args, paths, opens)
      : await this.send(call.method, call.args, paths);
    return this.present(call.method, result);
  }

  /**
   * Hands out a token for `chosen`, as if the user had picked it for `purpose`: for the host's
   * own choices (a path given on its command line) and for tests, never for the renderer.
   */
  grantPath(chosen: string, purpose: PathPurpose): PickedPath {
    return this.grants.grant(chosen, purpose);
  }

  private async pick(args: PickPathArgs): Promise<ApiResult<unknown>> {
    const picker = this.options.pickPath;
    if (!picker) return fail('PICKER_FAILED', 'This host has no file dialog');
    let chosen: string | null;
    try {
      chosen = await picker(pickRequest(args, this.language));
    } catch {
      return fail('PICKER_FAILED', 'The file dialog failed');
    }
    // Cancelled: no token, and nothing the renderer held before is changed.
    if (chosen === null) return { ok: true, value: null };
    try {
      await checkChoice(chosen, args.purpose);
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
    return { ok: true, value: this.grants.grant(chosen, args.purpose) };
  }

  /** The path behind each token field of the call; throws for a token not granted for it. */
  private resolvePaths(method: MethodName, args: Record<string, unknown>): Paths {
    const paths: Paths = {};
    for (const [field, purposes] of Object.entries(pathFieldsOf(method))) {
      const token = args[field];
      if (token === undefined) continue;
      if (typeof token !== 'string') throw new ApiError('INVALID_INPUT', `${field}: not a token`);
      paths[field] = this.grants.resolve(token, purposes);
    }
    return paths;
  }

  /**
   * The core's answer as the renderer gets it: the vault folder's path becomes a token, and the
   * path of what a call wrote (a result field named like one of its token fields) only its name.
   */
  private present(method: MethodName, result: ApiResult<unknown>): ApiResult<unknown> {
    const place = statusPlaceOf(method);
    if (!result.ok) return result;
    if (place === null) return { ok: true, value: namesForPaths(method, result.value) };
    if (place === 'value') return { ok: true, value: this.presentStatus(result.value) };
    const value = result.value as { status: unknown };
    return { ok: true, value: { ...value, status: this.presentStatus(value.status) } };
  }

  private presentStatus(status: unknown): VaultStatus {
    const { folder, ...rest } = status as CoreVaultStatus;
    const known = typeof folder === 'string';
    return { ...rest, folder: known ? this.grants.grant(folder, 'openVault') : null };
  }

  /**
   * Drops the worker and everything it held, and any vault switch under way, and forgets every
   * path the user chose: after a lock the renderer starts again from the vault's status.
   */
  async lock(): Promise<void> {
    this.grants.clear();
    await this.stopWorkers();
  }

  /** Terminates the worker and any vault switch under way; the unsaved forms are discarded. */
  private async stopWorkers(): Promise<void> {
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
    args: unknown,
    paths: Paths,
    opens: VaultOpening,
  ): Promise<ApiResult<unknown>> {
    const run = this.opening.then(() => this.open(method, args, paths, opens));
    this.opening = run.catch(() => undefined);
    return run;
  }

  private async open(
    method: MethodName,
    args: unknown,
    paths: Paths,
    opens: VaultOpening,
  ): Promise<ApiResult<unknown>> {
    const current = this.worker;
    if (!current) return this.send(method, args, paths);
    const status = await this.sendTo(current, 'vaultStatus', {});
    // A worker that stopped or was locked meanwhile answers the call as it would have.
    if (!status.ok) return status;
    if (this.worker !== current) return fail('VAULT_LOCKED', 'The vault was locked');
    const open = status.value as CoreVaultStatus;
    if (open.state !== 'unlocked') return this.send(method, args, paths);
    // One folder is never open twice: reopening the open vault (read-write after read-only, a
    // repair) closes it first. The renderer's tokens stay: it has not reloaded.
    if (opens === 'existing' && open.folder === paths.folder) {
      await this.stopWorkers();
      return this.send(method, args, paths);
    }
    const fresh = this.spawn();
    this.candidate = fresh;
    const result = await this.sendTo(fresh, method, args, paths);
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

  private send(method: string, args: unknown, paths?: Paths): Promise<ApiResult<unknown>> {
    this.worker ??= this.spawn();
    return this.sendTo(this.worker, method, args, paths);
  }

  private sendTo(
    worker: LiveWorker,
    method: string,
    args: unknown,
    paths?: Paths,
  ): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    const request: WorkerRequest = { id, method, args, ...(paths ? { paths } : {}) };
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
