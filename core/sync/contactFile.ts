import { ApiError } from '../api/errors';
import { isAgeRecipient, type SigningPublicKey } from './keys';
import { minisignPublicKey, parseMinisignPublicKey } from './minisign';

/**
 * The contact a colleague hands over: a few lines of text, saved as a `.vigil-contact` file
 * or pasted into a messenger. Only public keys; whether to trust them is decided by comparing
 * the fingerprint (fingerprint.ts). Layout: docs/sync-format.md, "Contact file".
 *
 *   Vigil contact 1
 *   name: <display name>
 *   install: <16 lowercase hex>
 *   encryption: <age1… recipient>
 *   signing: <minisign public key line, RW…>
 */

export interface ContactCard {
  name: string;
  installId: string;
  ageRecipient: string;
  signing: SigningPublicKey;
}

const HEADER = 'Vigil contact 1';
/** The header of any version, in any letter case (a messenger may change it). */
const HEADER_ANY_VERSION = /^Vigil contact ([0-9]+)$/i;
type Field = 'name' | 'install' | 'encryption' | 'signing';
const FIELD_LINE = /^(name|install|encryption|signing)\s*:(.*)$/;
const INSTALL_ID = /^[0-9a-f]{16}$/;
export const CONTACT_NAME_MAX = 100;
/** Control, format (bidirectional overrides among them), surrogate and line/paragraph marks. */
const NOT_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

function invalid(hint: string): ApiError {
  return new ApiError('CONTACT_INVALID', hint);
}

/** Why a display name is not one, or null: 1 to 100 characters, trimmed, no control marks. */
export function contactNameProblem(name: string): string | null {
  const length = [...name].length;
  if (length === 0) return 'name is empty';
  if (length > CONTACT_NAME_MAX) return 'name is too long';
  if (NOT_IN_A_NAME.test(name)) return 'name has control characters';
  if (name !== name.trim()) return 'name has surrounding spaces';
  return null;
}

/** The contact text, ending in a newline. Throws CONTACT_INVALID for a card it could not parse. */
export function formatContactText(c: ContactCard): string {
  const nameProblem = contactNameProblem(c.name);
  if (nameProblem !== null) throw invalid(`field name: ${nameProblem}`);
  const text =
    `${HEADER}\nname: ${c.name}\ninstall: ${c.installId}\n` +
    `encryption: ${c.ageRecipient}\nsigning: ${minisignPublicKey(c.signing)}\n`;
  parseContactText(text);
  return text;
}

/** A line as pasted, without the quote marks ("> ") messengers and mail add, nor spaces around it. */
function unquote(line: string): string {
  return line.replace(/^[\s>]*/, '').trim();
}

/**
 * The contact in `text`, which may hold other lines before and after it (a message, an
 * e-mail quote). The block is the header line and the field lines that follow it, blank
 * lines between them allowed; each field exactly once. Throws only CONTACT_INVALID, whose
 * message names the field at fault and never its value.
 */
export function parseContactText(text: string): ContactCard {
  const lines = text.split(/\r\n|\r|\n/).map(unquote);
  const headers = lines.flatMap((line, i) => (HEADER_ANY_VERSION.test(line) ? [i] : []));
  if (headers.length === 0) throw invalid('no contact header');
  if (headers.length > 1) throw invalid('more than one contact header');
  const start = headers[0] ?? 0;
  if (HEADER_ANY_VERSION.exec(lines[start] ?? '')?.[1] !== '1') {
    throw invalid('unknown contact version');
  }

  const values = new Map<Field, string>();
  for (const line of lines.slice(start + 1)) {
    if (line === '') continue;
    const match = FIELD_LINE.exec(line);
    if (match === null) break;
    const field = match[1] as Field;
    if (values.has(field)) throw invalid(`field ${field} appears twice`);
    values.set(field, (match[2] ?? '').trim());
  }
  const value = (field: Field): string => {
    const found = values.get(field);
    if (found === undefined) throw invalid(`field ${field} is missing`);
    return found;
  };

  const name = value('name');
  const nameProblem = contactNameProblem(name);
  if (nameProblem !== null) throw invalid(`field name: ${nameProblem}`);
  const installId = value('install');
  if (!INSTALL_ID.test(installId)) throw invalid('field install is not 16 lowercase hex digits');
  const ageRecipient = value('encryption');
  if (!isAgeRecipient(ageRecipient)) throw invalid('field encryption is not an age recipient');
  const signing = parseMinisignPublicKey(value('signing'));
  if (signing === null) throw invalid('field signing is not a Vigil signing key');
  return { name, installId, ageRecipient, signing };
}
