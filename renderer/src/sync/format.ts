import type { TFunction } from 'i18next';
import type { Contact } from '../../../core/api/sync';
import { formatNumber } from '../format';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many whole days a clock was ahead; the engine reports only more than a day. */
export function daysAhead(ms: number): number {
  return Math.max(1, Math.round(ms / DAY_MS));
}

/** "3 changes", "1 person": counts said with their noun, in the reader's number format. */
export function counted(
  t: TFunction,
  language: string,
  noun: 'changes' | 'persons',
  count: number,
): string {
  return t(`sync.counts.${noun}`, { count, formatted: formatNumber(language, count) });
}

/** What a contact may see, as a sentence; regions by their labels. */
export function scopeText(
  t: TFunction,
  contact: Pick<Contact, 'scope' | 'regions'>,
  regionLabel: (code: string) => string,
): string {
  if (contact.scope !== 'regions') return t(`sync.scope.${contact.scope}`);
  return t('sync.scope.regionsList', { regions: contact.regions.map(regionLabel).join(', ') });
}

/** The fingerprint as groups of digits, however the engine spaced them. */
export function digitGroups(digits: string): string[] {
  const groups = digits.trim().split(/\s+/).filter(Boolean);
  if (groups.length > 1) return groups;
  return digits.replace(/\s+/g, '').match(/.{1,5}/g) ?? [];
}
