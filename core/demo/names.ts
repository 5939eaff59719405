import type { DemoRandom } from './random';
import { romanise } from './romanise';

/**
 * Invented names. Given names and patronymics are common ones (no one is identified by them);
 * surnames are built from invented syllables, so the full names are not those of real people.
 * A surname stem is written once, in Russian spelling with its stress, and its Belarusian form
 * is derived by the spelling rules that make the two differ (akanye, tsekanye, hard r/ch/sh/zh,
 * і for и, ў), as `Дротасевич` becomes `Дратасевіч`: the variants the search must reconcile.
 */

export type Sex = 'female' | 'male';

export interface InventedName {
  sex: Sex;
  /** Belarusian Cyrillic: surname, given name, patronymic. */
  belarusian: string;
  /** Russian Cyrillic, from the same stem; often differs from the Belarusian form. */
  russian: string;
  /** Surname and given name romanised from the Belarusian form, as Belarusian passports do. */
  latin: string;
  /** The Russian form romanised, and the Belarusian national romanisation. */
  latinVariants: string[];
}

/** [Belarusian, Russian, patronymic stem Belarusian, patronymic stem Russian]. */
type MaleName = readonly [string, string, string, string];

const MALE: readonly MaleName[] = [
  ['Аляксандр', 'Александр', 'Аляксандрав', 'Александров'],
  ['Андрэй', 'Андрей', 'Андрэев', 'Андреев'],
  ['Дзмітрый', 'Дмитрий', 'Дзмітрыев', 'Дмитриев'],
  ['Сяргей', 'Сергей', 'Сяргеев', 'Сергеев'],
  ['Мікалай', 'Николай', 'Мікалаев', 'Николаев'],
  ['Уладзімір', 'Владимир', 'Уладзімірав', 'Владимиров'],
  ['Віктар', 'Виктор', 'Віктарав', 'Викторов'],
  ['Юрый', 'Юрий', "Юр'ев", 'Юрьев'],
  ['Ігар', 'Игорь', 'Ігарав', 'Игорев'],
  ['Максім', 'Максим', 'Максімав', 'Максимов'],
  ['Яўген', 'Евгений', 'Яўгенав', 'Евгеньев'],
  ['Міхаіл', 'Михаил', 'Міхайлав', 'Михайлов'],
  ['Алег', 'Олег', 'Алегав', 'Олегов'],
  ['Васіль', 'Василий', 'Васільев', 'Васильев'],
  ['Вадзім', 'Вадим', 'Вадзімав', 'Вадимов'],
  ['Арцём', 'Артём', 'Арцёмав', 'Артёмов'],
  ['Кірыл', 'Кирилл', 'Кірылав', 'Кириллов'],
  ['Антон', 'Антон', 'Антонав', 'Антонов'],
  ['Павел', 'Павел', 'Паўлав', 'Павлов'],
  ['Іван', 'Иван', 'Іванав', 'Иванов'],
  ['Ігнат', 'Игнат', 'Ігнатав', 'Игнатов'],
  ['Станіслаў', 'Станислав', 'Станіславав', 'Станиславов'],
];

/** [Belarusian, Russian]. Names of the people in the source article are left out on purpose. */
const FEMALE: readonly (readonly [string, string])[] = [
  ['Алена', 'Елена'],
  ['Вольга', 'Ольга'],
  ['Таццяна', 'Татьяна'],
  ['Ірына', 'Ирина'],
  ['Марына', 'Марина'],
  ['Святлана', 'Светлана'],
  ['Ганна', 'Анна'],
  ['Кацярына', 'Екатерина'],
  ['Юлія', 'Юлия'],
  ["Дар'я", 'Дарья'],
  ['Марыя', 'Мария'],
  ['Людміла', 'Людмила'],
  ['Вікторыя', 'Виктория'],
  ['Ксенія', 'Ксения'],
  ['Алеся', 'Олеся'],
  ['Надзея', 'Надежда'],
  ['Валянціна', 'Валентина'],
  ['Паліна', 'Полина'],
  ['Вераніка', 'Вероника'],
];

/** Invented open syllables, in Russian spelling; the rules give their Belarusian forms. */
const SYLLABLES = [
  ...['ба', 'бо', 'ве', 'во', 'га', 'го', 'да', 'до', 'де', 'ди', 'жу', 'за', 'зо', 'ка'],
  ...['ко', 'ку', 'ла', 'ле', 'ли', 'ло', 'лу', 'ма', 'ме', 'ми', 'мо', 'на', 'не', 'ни'],
  ...['но', 'па', 'пе', 'по', 'ра', 'ре', 'ри', 'ро', 'ру', 'са', 'се', 'со', 'су', 'та'],
  ...['те', 'ти', 'то', 'ту', 'ха', 'хо', 'ча', 'че', 'ша', 'ше', 'щу', 'ря', 'це', 'жи'],
];
/** Closed syllables that end a stem, so that surnames are not all vowel chains. */
const CLOSING = ['лов', 'ков', 'рин', 'лец', 'мак', 'зар', 'тин', 'дом', 'рож', 'шин', 'бор'];

/**
 * Surname endings in Russian spelling: [masculine, feminine, stressed]. Invariant endings have
 * the same form for both; a stressed ending takes the stress off the stem.
 */
const ENDINGS: readonly (readonly [string, string, boolean])[] = [
  ['евич', 'евич', false],
  ['ович', 'ович', false],
  ['енко', 'енко', false],
  ['ук', 'ук', false],
  ['чик', 'чик', false],
  ['ёнок', 'ёнок', true],
  ['ец', 'ец', false],
  ['ов', 'ова', false],
  ['ов', 'ова', true],
  ['ев', 'ева', false],
  ['ин', 'ина', true],
  ['ский', 'ская', false],
];

/**
 * Surnames of the real people named in the source article, and of some other well-known
 * political prisoners, in every spelling form the generator produces (lower case, Russian
 * spelling and Belarusian spelling): an invented surname that happens to match is discarded.
 */
export const REAL_SURNAMES: ReadonlySet<string> = new Set([
  'протасевич',
  'пратасевіч',
  'сапега',
  'херше',
  'хершэ',
  'бяляцкі',
  'беляцкий',
  'калеснікава',
  'колесникова',
  'бабарыка',
  'бабарико',
  'статкевіч',
  'статкевич',
  'ціханоўскі',
  'тихановский',
  'лосік',
  'лосик',
]);

const HARD = new Set([...'ржшчц']);
const SOFTENING = new Set([...'еёиюяь']);
const HARD_VOWEL: Record<string, string> = { и: 'ы', е: 'э', ё: 'о', ю: 'у', я: 'а' };
const VOWELS = new Set([...'аеёіиоуыэюя']);
/**
 * The Belarusian spelling of a word given in Russian spelling, with its stress on the
 * `stressedVowel`-th vowel. Order matters: hard consonants are read before т/д soften, because
 * the `ц` that comes from `т` is soft (`ти` -> `ці`, while `ци` -> `цы`).
 */
export function belarusianSpelling(russian: string, stressedVowel: number): string {
  let vowels = 0;
  let letters = [...russian.replace(/щ/g, 'шч')].map((ch) => ({
    ch,
    vowel: VOWELS.has(ch) ? vowels++ : -1,
  }));
  letters = letters.map((letter, i) => {
    const before = letters[i - 1];
    const hard = before && HARD.has(before.ch) ? HARD_VOWEL[letter.ch] : undefined;
    return hard ? { ...letter, ch: hard } : letter;
  });
  letters = letters.flatMap((letter, i) => {
    if (!SOFTENING.has(letters[i + 1]?.ch ?? '')) return [letter];
    if (letter.ch === 'т') return [{ ...letter, ch: 'ц' }];
    if (letter.ch === 'д') return [letter, { ...letter, ch: 'з' }];
    return [letter];
  });
  const text = letters.map(({ ch, vowel }, i) => {
    const unstressed = vowel >= 0 && vowel !== stressedVowel;
    if (ch === 'и') return 'і';
    if (unstressed && (ch === 'о' || ch === 'э')) return 'а';
    if (ch === 'е' && vowel === stressedVowel - 1 && i > 0 && letters[i - 1]!.vowel < 0) {
      return 'я';
    }
    const next = letters[i + 1];
    if (ch === 'в' && i > 0 && letters[i - 1]!.vowel >= 0 && (!next || next.vowel < 0)) {
      return 'ў';
    }
    return ch;
  });
  // Russian -ский is Belarusian -скі.
  return text.join('').replace(/ій$/, 'і');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function inventSurname(rng: DemoRandom, sex: Sex): { belarusian: string; russian: string } {
  for (;;) {
    const stem = [rng.pick(SYLLABLES)];
    if (rng.chance(0.5)) stem.push(rng.pick(SYLLABLES));
    if (rng.chance(0.35)) stem.push(rng.pick(CLOSING));
    const [masculine, feminine, stressedEnding] = rng.pick(ENDINGS);
    const ending = sex === 'female' ? feminine : masculine;
    const syllables = stem.length;
    const last = stem.pop()!;
    // An ending that starts with a vowel takes the place of the stem's last vowel: Бок-ович,
    // not Боко-ович. Every syllable has one vowel, so the stress is counted in vowels.
    const merge = VOWELS.has(last.slice(-1)) && VOWELS.has(ending.charAt(0));
    const russian = [...stem, merge ? last.slice(0, -1) : last, ending].join('');
    const stress = stressedEnding ? syllables - (merge ? 1 : 0) : rng.int(syllables);
    const belarusian = belarusianSpelling(russian, stress);
    if (!REAL_SURNAMES.has(russian) && !REAL_SURNAMES.has(belarusian)) {
      return { belarusian: capitalise(belarusian), russian: capitalise(russian) };
    }
  }
}

/** An invented person's name in every form the register keeps. */
export function inventName(rng: DemoRandom, sex: Sex): InventedName {
  const surname = inventSurname(rng, sex);
  const father = rng.pick(MALE);
  let given: readonly [string, string];
  let patronymic: [string, string];
  if (sex === 'male') {
    const [be, ru] = rng.pick(MALE);
    given = [be, ru];
    patronymic = [`${father[2]}іч`, `${father[3]}ич`];
  } else {
    given = rng.pick(FEMALE);
    patronymic = [`${father[2].replace(/в$/, 'ў')}на`, `${father[3]}на`];
  }
  const belarusian = `${surname.belarusian} ${given[0]} ${patronymic[0]}`;
  const russian = `${surname.russian} ${given[1]} ${patronymic[1]}`;
  const latin = romanise(`${surname.belarusian} ${given[0]}`, 'passport');
  const latinVariants = [
    romanise(`${surname.russian} ${given[1]}`, 'russian'),
    romanise(`${surname.belarusian} ${given[0]}`, 'national'),
  ].filter((variant, i, all) => variant !== latin && all.indexOf(variant) === i);
  return { sex, belarusian, russian, latin, latinVariants };
}
