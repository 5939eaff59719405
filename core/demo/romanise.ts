/**
 * Latin spellings of the invented Cyrillic names, in the systems researchers meet: the passport
 * style of Belarusian documents and the press (the national romanisation without diacritics:
 * Siarhei, Tsikhanouski), BGN/PCGN for the Russian form (Sergey), and the Belarusian national
 * romanisation with diacritics (Siarhiej). Three spellings of one person are what the search
 * must reconcile, so the demo data carries all of them.
 */

export type RomanisationStyle = 'passport' | 'russian' | 'national';

const VOWELS = new Set([...'аеёіиоуыэюя']);
/** After these, or at the start of a word, е ё ю я are read with a leading y (or j). */
const IOTATING = new Set([...VOWELS, 'й', 'ў', 'ь', 'ъ', "'", '’']);

const COMMON: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  д: 'd',
  ж: 'zh',
  з: 'z',
  і: 'i',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  ь: '',
  ъ: '',
  э: 'e',
  "'": '',
  '’': '',
};

const TABLES: Record<RomanisationStyle, Record<string, string>> = {
  passport: COMMON,
  russian: { ...COMMON, г: 'g', й: 'y' },
  national: { ...COMMON, ж: 'ž', й: 'j', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ў: 'ŭ' },
};

/** е ё ю я: [at the start of a word or after a vowel, after a consonant], per style. */
const SOFT_VOWELS: Record<RomanisationStyle, Record<string, readonly [string, string]>> = {
  passport: { е: ['ye', 'e'], ё: ['yo', 'io'], ю: ['yu', 'iu'], я: ['ya', 'ia'] },
  russian: { е: ['ye', 'e'], ё: ['yo', 'yo'], ю: ['yu', 'yu'], я: ['ya', 'ya'] },
  national: { е: ['je', 'ie'], ё: ['jo', 'io'], ю: ['ju', 'iu'], я: ['ja', 'ia'] },
};

/** The national system marks a soft consonant on the letter itself: зь -> ź. */
const NATIONAL_SOFT: Record<string, string> = { з: 'ź', л: 'ĺ', н: 'ń', с: 'ś', ц: 'ć' };

function romaniseWord(word: string, style: RomanisationStyle): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const letter = lower[i]!;
    const soft = SOFT_VOWELS[style][letter];
    if (style === 'passport' && /^[ыі]й$/.test(lower.slice(i))) {
      // Documents write Дзмітрый as Dzmitry and Юрый as Yury.
      out += letter === 'ы' ? 'y' : 'i';
      break;
    } else if (style === 'passport' && letter === 'ц' && lower[i + 1] === 'ц') {
      // ... and Таццяна as Tatsiana.
      continue;
    } else if (style === 'national' && NATIONAL_SOFT[letter] && lower[i + 1] === 'ь') {
      out += NATIONAL_SOFT[letter];
      i++;
    } else if (soft) {
      out += soft[i === 0 || IOTATING.has(lower[i - 1]!) ? 0 : 1];
    } else {
      out += TABLES[style][letter] ?? letter;
    }
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Romanises each word of a Cyrillic name in one style. */
export function romanise(name: string, style: RomanisationStyle): string {
  return name
    .split(' ')
    .map((word) => romaniseWord(word, style))
    .join(' ');
}
