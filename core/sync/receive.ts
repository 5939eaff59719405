import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { LOCAL_KINDS } from '../api/records';
import type { ReceivePreview, ReceiveResult } from '../api/sync';
import { canonicalText, digestOf } from '../changes/canonical';
import { cellProblem, validateChangeSet, type Cell, type ChangeSet } from '../changes/changeSet';
import { isRecordKind } from '../changes/entities';
import { MAX_DRIFT_MS, parseHlc } from '../changes/hlc';
import { installRecordId } from '../changes/ids';
import type { ReadDb } from '../db/handle';
import { first } from '../db/statements';
import type { SyncAccess } from './access';
import { attestationValid, digestsOf } from './attestation';
import { MAX_BUNDLE_BYTES, openBundle, verifyBundleSignature } from './bundleFile';
import { contactByInstall, readContacts, type ContactRecord } from './contacts';
import { ownSigningKeys, requireIdentity, type Identity } from './identity';
import { isAgeRecipient, type SigningPublicKey } from './keys';
import { contactNameProblem } from './contactFile';
import { parseMinisignPublicKey } from './minisign';
import {
  BundlePayload,
  changeSetOf,
  PAYLOAD_FORMAT,
  PAYLOAD_VERSION,
  type Attestation,
} from './payload';
import { estimateConflicts } from './estimate';
import { receiptCells } from './receipt';
import { hasSeq, parseRanges } from './versionVector';

/** A bundle opened, authenticated and checked to the last set; nothing applied yet. */
export interface CheckedBundle {
  identity: Identity;
  sender: ContactRecord;
  payload: BundlePayload;
  sets: ChangeSet[];
  /** The sets this vault does not hold yet, in time order. */
  fresh: ChangeSet[];
  /** Attestation index -> the attestation, for those covering fresh sets. */
  attestations: Attestation[];
  /** Per set hlc, the attestation covering it. */
  coveredBy: Map<string, Attestation>;
  /** How far ahead of this computer the newest far-future set is, or null. */
  clockAheadMs: number | null;
  /** Records touched by far-future sets, `entity/id`. */
  flagged: string[];
}

async function readBundleFile(file: string): Promise<Uint8Array> {
  const target = path.resolve(file);
  const stat = await fs.stat(target).catch(() => null);
  if (!stat?.isFile()) throw new ApiError('NOT_FOUND', 'No bundle file there');
  if (stat.size > MAX_BUNDLE_BYTES) throw new ApiError('BUNDLE_DAMAGED', 'File too large');
  return fs.readFile(target);
}

function damaged(hint: string): ApiError {
  return new ApiError('BUNDLE_DAMAGED', hint);
}

/** The contact whose current or older signing key has this id. */
function senderOf(
  contacts: ContactRecord[],
  keyId: string,
): { contact: ContactRecord; key: SigningPublicKey } {
  for (const contact of contacts) {
    const key = contact.signingKeys.find((k) => k.keyId === keyId);
    if (key) return { contact, key };
  }
  throw new ApiError('BUNDLE_UNKNOWN_SENDER', 'Signed by no contact');
}

function parsePayload(bytes: Uint8Array): BundlePayload {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw damaged('payload is not JSON');
  }
  const head = json as { format?: unknown; version?: unknown };
  if (
    head?.format === PAYLOAD_FORMAT &&
    typeof head.version === 'number' &&
    head.version > PAYLOAD_VERSION
  )
    throw new ApiError('BUNDLE_TOO_NEW', 'Payload of a newer version');
  const parsed = BundlePayload.safeParse(json);
  if (!parsed.success) throw damaged('payload shape');
  return parsed.data;
}

/**
 * The signing keys each author's attestations are checked with: ours and every contact's as
 * recorded (verified, added or introduced earlier), and for a colleague this vault does not
 * know, the keys the sender introduces them with.
 */
function authorKeys(
  payload: BundlePayload,
  identity: Identity,
  installId: string,
  contacts: ContactRecord[],
): Map<string, SigningPublicKey[]> {
  const keys = new Map<string, SigningPublicKey[]>();
  keys.set(installId, ownSigningKeys(identity));
  // Keys recorded here are never replaced by what a bundle says, not even those of a colleague
  // once introduced: a relay could otherwise swap a known author's key for its own.
  for (const contact of contacts) keys.set(contact.installId, contact.signingKeys);
  for (const intro of payload.authors) {
    if (keys.has(intro.install)) continue;
    if (!isAgeRecipient(intro.encryption) || contactNameProblem(intro.name) !== null)
      throw damaged('introduction');
    const parsed = intro.keys.map((line) => parseMinisignPublicKey(line));
    if (parsed.some((k) => k === null)) throw damaged('introduced key');
    keys.set(intro.install, parsed as SigningPublicKey[]);
  }
  return keys;
}

/** Refuses a set no colleague may send: one that touches this vault's own kinds or names another install. */
function checkCells(set: ChangeSet): void {
  for (const cell of set.cells) {
    if (isRecordKind(cell.entity) && LOCAL_KINDS.has(cell.entity))
      throw damaged('local kind in a set');
    if (cell.entity === 'install' && cell.id !== installRecordId(set.author))
      throw damaged('names another installation');
  }
}

function recordsOf(sets: ChangeSet[]): string[] {
  return [...new Set(sets.flatMap((set) => set.cells.map((c) => `${c.entity}/${c.id}`)))].sort();
}

export async function checkBundle(access: SyncAccess, file: string): Promise<CheckedBundle> {
  const bytes = await readBundleFile(file);
  const identity = await requireIdentity(access);
  const db = (await access.readVault()).db;
  const identities = [identity.keys, ...identity.retired].map((k) => k.ageIdentity);
  const opened = await openBundle(bytes, identities);
  const contacts = readContacts(db);
  const { contact: sender, key } = senderOf(contacts, opened.signerKeyId);
  if (!sender.verified) throw new ApiError('BUNDLE_UNVERIFIED_SENDER', 'Sender not verified');
  if (!verifyBundleSignature(key, opened)) throw damaged('signature');
  const payload = parsePayload(opened.payload);
  if (payload.sender !== sender.installId) throw damaged('sender differs from the signer');
  const mine = new Set(ownSigningKeys(identity).map((k) => k.keyId));
  if (!payload.recipients.some((r) => r.install === access.installId && mine.has(r.key)))
    throw new ApiError('BUNDLE_NOT_ADDRESSED', 'Signed for other recipients');
  if (hasSeq(parseRanges(sender.receivedSeqs), payload.seq))
    throw new ApiError('BUNDLE_REPLAYED', 'Already received');
  const keys = authorKeys(payload, identity, access.installId, contacts);
  const coverage = new Map<string, Attestation>();
  for (const attestation of payload.attestations) {
    const authorKey = keys.get(attestation.author)?.find((k) => k.keyId === attestation.key);
    if (!authorKey || !attestationValid(attestation, authorKey)) throw damaged('attestation');
    for (const digest of digestsOf(attestation))
      coverage.set(`${attestation.author} ${digest}`, attestation);
  }
  const sets: ChangeSet[] = [];
  const coveredBy = new Map<string, Attestation>();
  for (const canonical of payload.sets) {
    const set = changeSetOf(canonical);
    try {
      validateChangeSet(set);
    } catch {
      throw damaged('change set shape');
    }
    checkCells(set);
    const attestation = coverage.get(`${set.author} ${digestOf(canonicalText(set))}`);
    if (!attestation) throw damaged('change set not signed by its author');
    coveredBy.set(set.hlc, attestation);
    sets.push(set);
  }
  const held = loggedHlcs(
    db,
    sets.map((set) => set.hlc),
  );
  const fresh = sets.filter((set) => !held.has(set.hlc)).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  const limit = Date.now() + MAX_DRIFT_MS;
  const ahead = fresh.filter((set) => parseHlc(set.hlc)!.wall > limit);
  const newest = Math.max(...ahead.map((set) => parseHlc(set.hlc)!.wall));
  return {
    identity,
    sender,
    payload,
    sets,
    fresh,
    attestations: [...new Set(fresh.map((set) => coveredBy.get(set.hlc)!))],
    coveredBy,
    clockAheadMs: ahead.length > 0 ? newest - Date.now() : null,
    flagged: recordsOf(ahead),
  };
}

/** Timestamps looked up per query: a query per set cost more than the rest of the check. */
const LOOKUP_CHUNK = 500;

/** Which of these timestamps the change log already holds. */
function loggedHlcs(db: ReadDb, hlcs: string[]): Set<string> {
  const held = new Set<string>();
  for (let at = 0; at < hlcs.length; at += LOOKUP_CHUNK) {
    const chunk = hlcs.slice(at, at + LOOKUP_CHUNK);
    // Not a cached statement: the last chunk's length differs from bundle to bundle.
    const found = db.exec(
      `SELECT hlc FROM sync_log WHERE hlc IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const [hlc] of found[0]?.values ?? []) held.add(String(hlc));
  }
  return held;
}

/** `conflicts`: the estimate for a preview; receiving counts the real ones afterwards. */
function summary(db: ReadDb, checked: CheckedBundle, conflicts: number): ReceivePreview {
  const persons = new Set<string>();
  for (const set of checked.fresh)
    for (const cell of set.cells) if (cell.entity === 'person') persons.add(cell.id);
  const created = [...persons].filter(
    (id) => !first(db, 'SELECT 1 AS found FROM persons WHERE id = ?', [id]),
  );
  const relayed = new Map<string, number>();
  for (const set of checked.fresh)
    if (set.author !== checked.sender.installId)
      relayed.set(set.author, (relayed.get(set.author) ?? 0) + 1);
  const names = new Map(checked.payload.authors.map((a) => [a.install, a.name]));
  return {
    contactId: checked.sender.id,
    from: checked.sender.name,
    changes: checked.sets.length,
    newChanges: checked.fresh.length,
    newPersons: created.length,
    conflicts,
    relayed: [...relayed].map(([author, changes]) => ({
      name: contactByInstall(db, author)?.name ?? names.get(author) ?? author,
      changes,
    })),
    heldCells: checked.fresh.reduce(
      (n, set) => n + set.cells.filter((cell: Cell) => cellProblem(cell) !== null).length,
      0,
    ),
    clockAheadMs: checked.clockAheadMs,
  };
}

export async function previewReceive(access: SyncAccess, file: string): Promise<ReceivePreview> {
  const checked = await checkBundle(access, file);
  const db = (await access.readVault()).db;
  return summary(db, checked, estimateConflicts(db, checked.fresh));
}

/**
 * Applies a checked bundle in one commit: this vault's bookkeeping (the sender's acknowledged
 * version vector and bundle number, the attestations to pass on, colleagues it introduces, a
 * receipt) and every set not held yet, through the write path as received sets.
 */
export async function receiveBundle(access: SyncAccess, file: string): Promise<ReceiveResult> {
  const checked = await checkBundle(access, file);
  const db = (await access.readVault()).db;
  const preview = summary(db, checked, 0);
  const before = new Set(conflictKeys(db));
  await access.commitReceived(receiptCells(db, access.installId, checked), checked.fresh);
  const after = (await access.readVault()).db;
  const hlcs = new Set(checked.fresh.map((set) => set.hlc));
  const conflicts = conflictRows(after).filter(
    (row) => !before.has(row.key) || hlcs.has(row.winner) || hlcs.has(row.other),
  ).length;
  return { ...preview, conflicts, flaggedRecords: checked.flagged.length };
}

function conflictRows(db: ReadDb): Array<{ key: string; winner: string; other: string }> {
  return (
    db.exec('SELECT entity, entity_id, field, winner, other FROM sync_conflicts')[0]?.values ?? []
  ).map(([entity, id, field, winner, other]) => ({
    key: `${String(entity)}/${String(id)}/${String(field)}/${String(winner)}/${String(other)}`,
    winner: String(winner),
    other: String(other),
  }));
}

function conflictKeys(db: ReadDb): string[] {
  return conflictRows(db).map((row) => row.key);
}
