import type { ReadDb } from '../db/handle';
import { startModelBuild } from './model';

/** How a background build ended: the model is cached, or it was stopped (the vault locked). */
export type WarmupEnd = 'built' | 'stopped';

export interface Warmup {
  /** Settles once the build has ended; never rejects. */
  readonly done: Promise<WarmupEnd>;
  /** Stops the build before its next slice; safe to call at any time, and more than once. */
  stop(): void;
}

/**
 * Reads the figure model of a vault just unlocked, so that it is warm when the dashboard
 * opens. Each slice runs on a turn of its own (setImmediate), so calls that arrive meanwhile
 * are answered between slices instead of after the whole read; a figure asked for before the
 * end reads the remaining slices itself. The first slice waits for the next turn too: calls
 * already queued behind the unlock go first.
 */
export function warmStatsModel(db: ReadDb): Warmup {
  const build = startModelBuild(db);
  let stopped = false;
  const done = new Promise<WarmupEnd>((resolve) => {
    const next = () => {
      if (stopped) return resolve('stopped');
      let more: boolean;
      try {
        more = build.step();
      } catch {
        // A figure asked for later reads everything itself and reports what went wrong.
        build.cancel();
        return resolve('stopped');
      }
      if (more) setImmediate(next);
      else resolve('built');
    };
    setImmediate(next);
  });
  return {
    done,
    stop: () => {
      stopped = true;
      build.cancel();
    },
  };
}
