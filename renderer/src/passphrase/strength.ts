import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSPHRASE_LENGTH } from '../../../core/api/schemas';

/** The vault key comes only from the passphrase, so a weak one cannot be rescued later. */
export { MIN_PASSPHRASE_LENGTH };
export const MIN_SCORE: Score = 3;

// Built once: ranking the dictionaries is the slow part, checking a passphrase is fast.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export interface Strength {
  score: Score;
  /** zxcvbn feedback keys, translated under `strength.warnings` / `strength.suggestions`. */
  warning: string | null;
  suggestions: string[];
}

/** Counts characters as the user sees them, not UTF-16 code units. */
export function passphraseLength(passphrase: string): number {
  return [...passphrase].length;
}

/**
 * Rates a passphrase. `context` holds words an attacker would try first for this vault, such
 * as the parts of its folder path (which often contain the user's name).
 */
export function estimateStrength(passphrase: string, context: readonly string[]): Strength {
  const result = zxcvbn.check(passphrase, ['vigil', ...context]);
  return {
    score: result.score,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}

export function folderWords(folder: string): string[] {
  return folder.split(/[\\/:.\s_-]+/).filter((word) => word.length > 2);
}
