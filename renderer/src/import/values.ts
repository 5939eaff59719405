import type { ImportTarget, UnknownValue, ValueChoice, ValueMap } from '../../../core/api/import';

/**
 * The value step's choices, kept as the ValueMap the core reads: target -> value as written ->
 * choice. The core compares values without case or extra spaces, so one value has one entry
 * here however a saved map spelt it.
 */

/** A value as the core compares it. */
export function foldValue(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function keyOf(values: ValueMap, target: ImportTarget, value: string): string | undefined {
  const folded = foldValue(value);
  return Object.keys(values[target] ?? {}).find((key) => foldValue(key) === folded);
}

/** What the user chose for an unknown value; null while nothing is chosen. */
export function choiceOf(values: ValueMap, unknown: UnknownValue): ValueChoice | null {
  const key = keyOf(values, unknown.target, unknown.value);
  return key === undefined ? null : (values[unknown.target]?.[key] ?? null);
}

/** The map with one value's choice set, or taken away with null. */
export function withChoice(
  values: ValueMap,
  unknown: Pick<UnknownValue, 'target' | 'value'>,
  choice: ValueChoice | null,
): ValueMap {
  const { target, value } = unknown;
  const folded = foldValue(value);
  const kept = Object.entries(values[target] ?? {}).filter(([key]) => foldValue(key) !== folded);
  const entries = choice === null ? kept : [...kept, [value, choice] as const];
  const next: ValueMap = { ...values };
  if (entries.length === 0) delete next[target];
  else next[target] = Object.fromEntries(entries);
  return next;
}

/** A new term is ready once it has an English label; the other two are optional. */
function complete(choice: ValueChoice): boolean {
  return choice.action !== 'create' || choice.labelEn.trim() !== '';
}

/** The values whose new term still lacks its English label. */
export function incompleteValues(values: ValueMap, unknowns: UnknownValue[]): UnknownValue[] {
  return unknowns.filter((unknown) => {
    const choice = choiceOf(values, unknown);
    return choice !== null && !complete(choice);
  });
}

/** A choice as sent: a new term's labels trimmed. */
function trimmed(choice: ValueChoice): ValueChoice {
  if (choice.action !== 'create') return choice;
  return {
    action: 'create',
    labelEn: choice.labelEn.trim(),
    labelBe: choice.labelBe.trim(),
    labelRu: choice.labelRu.trim(),
  };
}

/** The map as sent to the core and saved: labels trimmed, unfinished new terms left out. */
export function valuesForCore(values: ValueMap): ValueMap {
  const result: ValueMap = {};
  for (const target of Object.keys(values) as ImportTarget[]) {
    const kept = Object.entries(values[target] ?? {})
      .filter(([, choice]) => complete(choice))
      .map(([value, choice]) => [value, trimmed(choice)] as const);
    if (kept.length > 0) result[target] = Object.fromEntries(kept);
  }
  return result;
}

/** How many of the unknown values have a choice. */
export function chosenCount(values: ValueMap, unknowns: UnknownValue[]): number {
  return unknowns.filter((unknown) => choiceOf(values, unknown) !== null).length;
}

/**
 * Every value not chosen yet read as its first suggestion, the closest match; values already
 * chosen keep their choice, and values without a suggestion stay unchosen.
 */
export function withFirstSuggestions(values: ValueMap, unknowns: UnknownValue[]): ValueMap {
  let next = values;
  for (const unknown of unknowns) {
    const first = unknown.suggestions[0];
    if (first === undefined || choiceOf(next, unknown) !== null) continue;
    next = withChoice(next, unknown, { action: 'map', code: first.code });
  }
  return next;
}

/**
 * The choice as the value of the row's select: '' for none, `map:<code>`, `create` or `omit`.
 * Codes hold no colon, so the prefix cannot be confused with one.
 */
export function optionOf(choice: ValueChoice | null): string {
  if (choice === null) return '';
  return choice.action === 'map' ? `map:${choice.code}` : choice.action;
}

/** The choice a select option stands for; a new term keeps labels typed before. */
export function choiceOfOption(option: string, previous: ValueChoice | null): ValueChoice | null {
  if (option === 'omit') return { action: 'omit' };
  if (option === 'create') {
    return previous?.action === 'create'
      ? previous
      : { action: 'create', labelEn: '', labelBe: '', labelRu: '' };
  }
  if (option.startsWith('map:')) return { action: 'map', code: option.slice('map:'.length) };
  return null;
}
