import { z } from 'zod';
import { ApiError } from '../api/errors';
import type { SyncIdentity } from '../api/sync';
import type { Cell } from '../changes/changeSet';
import { installRecordId } from '../changes/ids';
import type { ReadDb } from '../db/handle';
import { readRecord } from '../db/records';
import type { ContactCard } from './contactFile';
import { formatContactText } from './contactFile';
import { generateIdentityKeys, type IdentityKeys, type SigningPublicKey } from './keys';
import type { SyncAccess } from './access';
import { first } from '../db/statements';

/** This installation's sharing keys as the vault keeps them (the `syncIdentity` record). */
export interface Identity {
  id: string;
  keys: IdentityKeys;
  /** Older key sets, newest first: bundles made for them still open, their signatures verify. */
  retired: IdentityKeys[];
  bundleSeq: number;
  createdAt: string;
}

const RetiredKeys = z.object({
  ageIdentity: z.string(),
  ageRecipient: z.string(),
  signing: z.object({ keyId: z.string(), publicKey: z.string(), seed: z.string() }),
});

/** The identity record of an installation has an id derived from its install id. */
function identityId(installId: string): string {
  return installRecordId(installId);
}

export function readIdentity(db: ReadDb, installId: string): Identity | null {
  const row = readRecord(db, 'syncIdentity', identityId(installId));
  if (!row) return null;
  return {
    id: row.id,
    keys: {
      ageIdentity: String(row.ageIdentity),
      ageRecipient: String(row.ageRecipient),
      signing: {
        keyId: String(row.keyId),
        publicKey: String(row.signingPublic),
        seed: String(row.signingSeed),
      },
    },
    retired: (row.retired as string[]).map((text) => RetiredKeys.parse(JSON.parse(text))),
    bundleSeq: Number(row.bundleSeq),
    createdAt: row.createdAt,
  };
}

export async function requireIdentity(access: SyncAccess): Promise<Identity> {
  const identity = readIdentity((await access.readVault()).db, access.installId);
  if (!identity) throw new ApiError('SYNC_NO_IDENTITY', 'No sharing keys yet');
  return identity;
}

function keyCells(id: string, keys: IdentityKeys): Cell[] {
  const fields = {
    ageIdentity: keys.ageIdentity,
    ageRecipient: keys.ageRecipient,
    signingSeed: keys.signing.seed,
    signingPublic: keys.signing.publicKey,
    keyId: keys.signing.keyId,
  };
  return Object.entries(fields).map(([field, value]) => ({
    entity: 'syncIdentity',
    id,
    field,
    value,
  }));
}

/** The identity, made on first use: new key pairs, committed to the vault like any record. */
export async function ensureIdentity(access: SyncAccess): Promise<Identity> {
  const existing = readIdentity((await access.readVault()).db, access.installId);
  if (existing) return existing;
  const id = identityId(access.installId);
  await access.commit(
    [
      ...keyCells(id, await generateIdentityKeys()),
      { entity: 'syncIdentity', id, field: 'retired', value: [] },
      { entity: 'syncIdentity', id, field: 'bundleSeq', value: 0 },
      { entity: 'syncIdentity', id, field: 'createdAt', value: new Date().toISOString() },
    ],
    { undoable: false },
  );
  return readIdentity((await access.readVault()).db, access.installId)!;
}

/** New key pairs; the current ones join the retired, so what was made for them still opens. */
export async function rotateIdentity(access: SyncAccess): Promise<Identity> {
  const identity = await ensureIdentity(access);
  const retired = [identity.keys, ...identity.retired].map((keys) => JSON.stringify(keys));
  await access.commit(
    [
      ...keyCells(identity.id, await generateIdentityKeys()),
      { entity: 'syncIdentity', id: identity.id, field: 'retired', value: retired },
    ],
    { undoable: false },
  );
  return readIdentity((await access.readVault()).db, access.installId)!;
}

/** Every signing key this installation has had, current first. */
export function ownSigningKeys(identity: Identity): SigningPublicKey[] {
  return [identity.keys, ...identity.retired].map((keys) => ({
    keyId: keys.signing.keyId,
    publicKey: keys.signing.publicKey,
  }));
}

/**
 * Names this installation: its `install` record, which travels with its changes, so colleagues'
 * history shows the name.
 */
export async function setInstallName(access: SyncAccess, name: string): Promise<void> {
  const id = installRecordId(access.installId);
  const exists = readRecord((await access.readVault()).db, 'install', id);
  await access.commit(
    [
      { entity: 'install', id, field: 'name', value: name.trim() },
      ...(exists
        ? []
        : [{ entity: 'install', id, field: 'createdAt', value: new Date().toISOString() }]),
    ],
    { undoable: false },
  );
}

/** The name colleagues see: the install record's, or one made from the install id. */
export function installName(db: ReadDb, installId: string): string | null {
  const row = first(db, 'SELECT name FROM installs WHERE id = ? AND deleted = 0', [
    installRecordId(installId),
  ]);
  return row ? String(row.name) : null;
}

export function ownCard(db: ReadDb, installId: string, identity: Identity): ContactCard {
  return {
    name: installName(db, installId) ?? `Vigil ${installId.slice(0, 4)}`,
    installId,
    ageRecipient: identity.keys.ageRecipient,
    signing: { keyId: identity.keys.signing.keyId, publicKey: identity.keys.signing.publicKey },
  };
}

export function identityView(db: ReadDb, installId: string, identity: Identity): SyncIdentity {
  return {
    installId,
    name: installName(db, installId),
    keyId: identity.keys.signing.keyId,
    contactText: formatContactText(ownCard(db, installId, identity)),
    createdAt: identity.createdAt,
    retiredKeys: identity.retired.length,
  };
}
