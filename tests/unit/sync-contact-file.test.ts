import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { formatContactText, parseContactText, type ContactCard } from '../../core/sync/contactFile';
import { generateIdentityKeys } from '../../core/sync/keys';
import { minisignPublicKey } from '../../core/sync/minisign';

let card: ContactCard;
let other: ContactCard;

async function newCard(name: string, installId: string): Promise<ContactCard> {
  const keys = await generateIdentityKeys();
  const { keyId, publicKey } = keys.signing;
  return { name, installId, ageRecipient: keys.ageRecipient, signing: { keyId, publicKey } };
}

beforeAll(async () => {
  card = await newCard('Алеся Invented', '0123456789abcdef');
  other = await newCard('Other Person', 'fedcba9876543210');
});

/** The hint of the CONTACT_INVALID that parsing `text` throws; fails on anything else. */
function refusal(text: string): string {
  try {
    parseContactText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CONTACT_INVALID');
    return (error as ApiError).message;
  }
  throw new Error('the text was accepted');
}

const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ',
  'і',
  'ў',
  'І',
  'Ў',
  "'",
  '-',
  ' ',
];

describe('the contact text', () => {
  it('is the documented five lines', () => {
    expect(formatContactText(card)).toBe(
      `Vigil contact 1\nname: Алеся Invented\ninstall: 0123456789abcdef\n` +
        `encryption: ${card.ageRecipient}\nsigning: ${minisignPublicKey(card.signing)}\n`,
    );
  });

  it('round-trips for any name of Cyrillic and Latin letters and spaces', () => {
    const name = fc
      .string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 100 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(name, (n) => {
        const c = { ...card, name: n };
        expect(parseContactText(formatContactText(c))).toEqual(c);
      }),
    );
  });

  it('is found in pasted text: chatter around it, CRLF, spaces and quote marks', () => {
    const lines = formatContactText(card).trimEnd().split('\n');
    const pasted = [
      'Hi, here is my contact for Vigil:',
      '',
      ...lines.map((l, i) => (i % 2 === 0 ? `> ${l}  ` : `>>  ${l}`)),
      '',
      'Call me when you have it.',
      'name: a later line is not part of the block',
    ].join('\r\n');
    expect(parseContactText(pasted)).toEqual(card);
    expect(parseContactText(lines.join('\n\n'))).toEqual(card);
    expect(parseContactText(`  ${lines.join('\r\n   ')}\r\n`)).toEqual(card);
  });

  it('refuses missing, repeated and malformed fields, naming the field and never its value', () => {
    const text = formatContactText(card);
    const line = (field: string) => text.split('\n').find((l) => l.startsWith(`${field}:`)) ?? '';
    const without = (field: string) => text.replace(`${line(field)}\n`, '');
    const swapped = (field: string, value: string) =>
      text.replace(line(field), `${field}: ${value}`);
    const otherKey = minisignPublicKey(other.signing);
    const last = card.ageRecipient.slice(-1);
    const checksumBroken = card.ageRecipient.slice(0, -1) + (last === 'q' ? 'p' : 'q');
    // Our key with another key's id in it: the key id is derived from the key.
    const mismatched = Buffer.from(minisignPublicKey(card.signing), 'base64');
    Buffer.from(other.signing.keyId, 'hex').copy(mismatched, 2);

    const cases: [text: string, field: string][] = [
      ['', 'header'],
      ['Vigil contact 2\nname: x', 'version'],
      [`${text}\n${text}`, 'more than one'],
      ...['name', 'install', 'encryption', 'signing'].map((f): [string, string] => [
        without(f),
        `${f} is missing`,
      ]),
      [text.replace(line('install'), `${line('install')}\ninstall: 0123456789abcdef`), 'twice'],
      [swapped('name', ''), 'name'],
      [swapped('name', 'x'.repeat(101)), 'name'],
      [swapped('name', 'Ann\u202Eevil'), 'name'],
      [swapped('name', 'Ann\u0007'), 'name'],
      [swapped('install', '0123456789ABCDEF'), 'install'],
      [swapped('install', '0123456789abcde'), 'install'],
      [swapped('encryption', checksumBroken), 'encryption'],
      [swapped('encryption', card.ageRecipient.toUpperCase()), 'encryption'],
      [swapped('encryption', 'age1pq1' + card.ageRecipient.slice(4)), 'encryption'],
      [swapped('signing', otherKey.slice(0, -2)), 'signing'],
      [swapped('signing', mismatched.toString('base64')), 'signing'],
      [swapped('signing', otherKey.replace(/^RW/, 'RU')), 'signing'],
    ];
    for (const [bad, hint] of cases) {
      const message = refusal(bad);
      expect(message, bad).toContain(hint);
      expect(message).not.toContain(card.ageRecipient);
      expect(message).not.toContain('Алеся');
    }
    expect(parseContactText(swapped('name', 'x'.repeat(100))).name).toHaveLength(100);
  });

  it('refuses to format a card it could not read back', () => {
    expect(() => formatContactText({ ...card, name: 'two\nlines' })).toThrow(ApiError);
    expect(() => formatContactText({ ...card, name: ' padded' })).toThrow(ApiError);
    expect(() => formatContactText({ ...card, installId: 'nothex' })).toThrow(ApiError);
  });

  it('random text is only ever refused with CONTACT_INVALID', () => {
    const field = fc.constantFrom('name', 'install', 'encryption', 'signing', 'other');
    const value = fc.oneof(
      fc.string(),
      fc.constant(card.ageRecipient),
      fc.constant(minisignPublicKey(card.signing)),
      fc.constant('0123456789abcdef'),
    );
    const line = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constant('Vigil contact 1'),
      fc.tuple(fc.constantFrom('', '> ', ' '), field, value).map(([q, f, v]) => `${q}${f}: ${v}`),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .tuple(fc.array(line), fc.constantFrom('\n', '\r\n', '\r'))
        .map(([ls, separator]) => ls.join(separator)),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          const parsed = parseContactText(t);
          // Whatever is accepted is a valid card that formats back to itself.
          expect(parseContactText(formatContactText(parsed))).toEqual(parsed);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe('CONTACT_INVALID');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
