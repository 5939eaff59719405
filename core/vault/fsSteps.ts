/**
 * Named file-system steps of the vault's writes. Each write path calls `fsStep` immediately
 * before the operation, so a test can crash the process exactly there (tests/fault/crash.test.ts)
 * instead of guessing with timers. Without a hook it is one null check.
 */
export type FsStep = 'open' | 'write' | 'fsync' | 'rename' | 'truncate' | 'remove';

export type FsStepHook = (step: FsStep, file: string) => void;

let hook: FsStepHook | null = null;

/** For tests only: the app never sets a hook. */
export function setFsStepHook(next: FsStepHook | null): void {
  hook = next;
}

export function fsStep(step: FsStep, file: string): void {
  if (hook) hook(step, file);
}
