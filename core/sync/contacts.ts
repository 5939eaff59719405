import { ApiError } from '../api/errors';
import type { Contact, ContactScope, Fingerprint } from '../api/sync';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import type { ReadDb } from '../db/handle';
import { readRecord, readRecords, type StoredRecord } from '../db/records';
import type { SyncAccess } from './access';
import { parseContactText, type ContactCard } from './contactFile';
import { qrMatrix, safetyNumber, safetyNumberDigits } from './fingerprint';
import { ensureIdentity, installName, ownCard } from './identity';
import type { SigningPublicKey } from './keys';
import { minisignPublicKey, parseMinisignPublicKey } from './minisign';

/** A contact as the vault keeps it, with its keys decoded. */
export interface ContactRecord {
  id: string;
  name: string;
  installId: string;
  ageRecipient: string;
  /** Current first, then the older ones recorded before a rotation. */
  signingKeys: SigningPublicKey[];
  verified: boolean;
  verifiedAt: string | null;
  verifiedBy: string | null;
  scope: ContactScope;
  regions: string[];
  introducedBy: string | null;
  theirHave: string;
  receivedSeqs: string;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
  clockAheadMs: number | null;
}

function decodeContact(row: StoredRecord): ContactRecord {
  const signingKeys = (row.signingKeys as string[]).flatMap(
    (line) => parseMinisignPublicKey(line) ?? [],
  );
  return {
    id: row.id,
    name: String(row.name),
    installId: String(row.installId),
    ageRecipient: String(row.ageRecipient),
    signingKeys,
    verified: row.verifiedAt !== null && row.introducedBy === null,
    verifiedAt: row.verifiedAt as string | null,
    verifiedBy: row.verifiedBy as string | null,
    scope: row.scope as ContactScope,
    regions: row.regions as string[],
    introducedBy: row.introducedBy as string | null,
    theirHave: String(row.theirHave),
    receivedSeqs: String(row.receivedSeqs),
    lastSentAt: row.lastSentAt as string | null,
    lastReceivedAt: row.lastReceivedAt as string | null,
    clockAheadMs: row.clockAheadMs as number | null,
  };
}

export function readContacts(db: ReadDb): ContactRecord[] {
  return readRecords(db, 'contact', '1 = 1', [], 'name, id').map(decodeContact);
}

export function readContact(db: ReadDb, id: string): ContactRecord {
  const row = readRecord(db, 'contact', id);
  if (!row) throw new ApiError('NOT_FOUND', 'No such contact');
  return decodeContact(row);
}

export function contactByInstall(db: ReadDb, installId: string): ContactRecord | null {
  return readContacts(db).find((c) => c.installId === installId) ?? null;
}

export function cardOf(contact: ContactRecord): ContactCard {
  return {
    name: contact.name,
    installId: contact.installId,
    ageRecipient: contact.ageRecipient,
    signing: contact.signingKeys[0]!,
  };
}

export function contactView(db: ReadDb, contact: ContactRecord): Contact {
  const introducer = contact.introducedBy ? readRecord(db, 'contact', contact.introducedBy) : null;
  return {
    id: contact.id,
    name: contact.name,
    installId: contact.installId,
    keyId: contact.signingKeys[0]?.keyId ?? '0000000000000000',
    verified: contact.verified,
    verifiedAt: contact.verifiedAt,
    verifiedBy: contact.verifiedBy
      ? (installName(db, contact.verifiedBy) ?? contact.verifiedBy)
      : null,
    scope: contact.scope,
    regions: contact.regions,
    introducedBy: contact.introducedBy ? String(introducer?.name ?? '') : null,
    lastSentAt: contact.lastSentAt,
    lastReceivedAt: contact.lastReceivedAt,
    clockAheadMs: contact.clockAheadMs,
  };
}

/**
 * The cells that record `card` as a contact: a new one, or the same installation's contact
 * updated. New keys go first and the older ones stay, so changes they signed still verify; a
 * changed key must be verified again.
 */
export function contactCells(
  db: ReadDb,
  card: ContactCard,
  extra: { introducedBy: string | null },
): { id: string; cells: Cell[] } {
  const existing = contactByInstall(db, card.installId);
  const id = existing?.id ?? newRecordId();
  const current = existing?.signingKeys ?? [];
  const keyChanged = current[0]?.keyId !== card.signing.keyId;
  const keys = [card.signing, ...current.filter((k) => k.keyId !== card.signing.keyId)];
  const fields: Record<string, Cell['value']> = {
    name: card.name,
    installId: card.installId,
    ageRecipient: card.ageRecipient,
    signingKeys: keys.map(minisignPublicKey),
  };
  if (!existing) {
    Object.assign(fields, {
      verifiedAt: null,
      verifiedBy: null,
      scope: 'all',
      regions: [],
      introducedBy: extra.introducedBy,
      theirHave: '{}',
      receivedSeqs: '[]',
      lastSentAt: null,
      lastReceivedAt: null,
      clockAheadMs: null,
      createdAt: new Date().toISOString(),
    });
  } else {
    if (keyChanged || existing.ageRecipient !== card.ageRecipient) fields.verifiedAt = null;
    // Added from their own contact file: no longer known only through a relay.
    if (extra.introducedBy === null && existing.introducedBy !== null) fields.introducedBy = null;
  }
  const cells = Object.entries(fields).map(([field, value]) => ({
    entity: 'contact',
    id,
    field,
    value,
  }));
  return { id, cells };
}

export async function addContact(access: SyncAccess, text: string): Promise<Contact> {
  const card = parseContactText(text);
  if (card.installId === access.installId)
    throw new ApiError('CONTACT_IS_SELF', "This installation's own contact");
  const db = (await access.readVault()).db;
  const { id, cells } = contactCells(db, card, { introducedBy: null });
  await access.commit(cells, { undoable: false });
  const after = (await access.readVault()).db;
  return contactView(after, readContact(after, id));
}

export async function contactFingerprint(access: SyncAccess, id: string): Promise<Fingerprint> {
  const identity = await ensureIdentity(access);
  const db = (await access.readVault()).db;
  const contact = readContact(db, id);
  const digits = safetyNumber(ownCard(db, access.installId, identity), cardOf(contact));
  return { contactId: id, digits, qr: qrMatrix(safetyNumberDigits(digits)) };
}

/** Records that this installation's user confirmed the fingerprint, given the digits compared. */
export async function verifyContact(
  access: SyncAccess,
  id: string,
  digits: string,
): Promise<Contact> {
  const expected = safetyNumberDigits((await contactFingerprint(access, id)).digits);
  if (digits.replace(/\s/g, '') !== expected)
    throw new ApiError('FINGERPRINT_MISMATCH', 'The digits differ');
  await access.commit(
    [
      { entity: 'contact', id, field: 'verifiedAt', value: new Date().toISOString() },
      { entity: 'contact', id, field: 'verifiedBy', value: access.installId },
      { entity: 'contact', id, field: 'introducedBy', value: null },
    ],
    { undoable: false },
  );
  const db = (await access.readVault()).db;
  return contactView(db, readContact(db, id));
}

export async function setContactScope(
  access: SyncAccess,
  id: string,
  scope: ContactScope,
  regions: string[],
): Promise<Contact> {
  readContact((await access.readVault()).db, id);
  await access.commit(
    [
      { entity: 'contact', id, field: 'scope', value: scope },
      { entity: 'contact', id, field: 'regions', value: scope === 'regions' ? regions : [] },
    ],
    { undoable: false },
  );
  const db = (await access.readVault()).db;
  return contactView(db, readContact(db, id));
}

export async function removeContact(access: SyncAccess, id: string): Promise<void> {
  readContact((await access.readVault()).db, id);
  await access.commit([{ entity: 'contact', id, field: 'deleted', value: true }], {
    undoable: false,
  });
}
