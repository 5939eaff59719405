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
 *
 * `settled` is the vault's: it resolves once no commit is in flight, and returns the same
 * promise until another commit starts. A commit holds its transaction open while its journal
 * record is written, and rolls it back if the write fails, so a slice never reads while one is.
 */
export function warmStatsModel(db: ReadDb, settled: () => Promise<void>): Warmup {
  const build = startModelBuild(db);
  let stopped = false;
  const run = async (): Promise<WarmupEnd> => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const commits = settled();
      await commits;
      if (stopped) return 'stopped';
      if (settled() !== commits) continue;
      try {
        if (!build.step()) return 'built';
      } catch {
        // A figure asked for later reads everything itself and reports what went wrong.
        build.cancel();
        return 'stopped';
      }
    }
  };
  return {
    done: run(),
    stop: () => {
      stopped = true;
      build.cancel();
    },
  };
}
