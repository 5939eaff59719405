import { ApiError } from '../api/errors';
import type { SendPreview, SendResult } from '../api/sync';
import type { ReadDb } from '../db/handle';
import { readRecord } from '../db/records';
import { SCHEMA_VERSION } from '../db/schema';
import { all } from '../db/statements';
import { logBodyText } from '../db/logBody';
import type { SqlValue } from 'sql.js';
import { writeOutputFile } from '../export/outputFile';
import type { SyncAccess } from './access';
import { attest } from './attestation';
import { sealBundle } from './bundleFile';
import { readContact, readContacts, type ContactRecord } from './contacts';
import { requireIdentity, type Identity } from './identity';
import { minisignPublicKey } from './minisign';
import { PAYLOAD_FORMAT, PAYLOAD_VERSION, type Attestation, type Introduction } from './payload';
import { caseFacts, visibilityFor } from './scope';
import { hasSeq, parseVersionVector, versionVectorOf } from './versionVector';

interface LogRow {
  hlc: string;
  author: string;
  seq: number;
  digest: string;
  owners: string;
  /** As stored (maybe packed): only the sets chosen are unpacked, when the file is written. */
  body: SqlValue;
}

interface Plan {
  identity: Identity;
  recipients: ContactRecord[];
  /** The sets the file carries: visible to every recipient, missing at one at least. */
  rows: LogRow[];
  preview: SendPreview;
  /** Digest -> the stored attestation covering a colleague's set. */
  attested: Map<string, string>;
}

function personsOf(rows: LogRow[]): number {
  const persons = new Set<string>();
  for (const row of rows)
    for (const owner of row.owners.split(' ')) if (owner.startsWith('p:')) persons.add(owner);
  return persons.size;
}

/**
 * What one file to these contacts carries: every logged set a recipient has not reported
 * having (their last version vector), that every recipient may see, and that can travel with
 * its author's signature (ours, or one received with it). Withheld sets stay in the log.
 */
function plan(db: ReadDb, identity: Identity, installId: string, contactIds: string[]): Plan {
  const recipients = contactIds.map((id) => readContact(db, id));
  for (const contact of recipients)
    if (!contact.verified) throw new ApiError('CONTACT_NOT_VERIFIED', 'Contact not verified');
  const facts = caseFacts(db);
  const attested = new Map(
    all(db, 'SELECT digest, attestation FROM sync_attested').map((r) => [
      String(r.digest),
      String(r.attestation),
    ]),
  );
  const rows = all(db, 'SELECT hlc, author, seq, digest, owners, body FROM sync_log ORDER BY hlc')
    .map((r): LogRow => ({
      hlc: String(r.hlc),
      author: String(r.author),
      seq: Number(r.seq),
      digest: String(r.digest),
      owners: String(r.owners),
      body: r.body ?? null,
    }))
    .filter((row) => row.author === installId || attested.has(row.digest));
  const views = recipients.map((contact) => {
    const have = parseVersionVector(contact.theirHave);
    return {
      contact,
      visible: visibilityFor(contact, facts),
      missing: (row: LogRow) =>
        row.author !== contact.installId && !hasSeq(have[row.author], row.seq),
    };
  });
  const sendable = rows.filter(
    (row) => views.some((v) => v.missing(row)) && views.every((v) => v.visible(row.owners)),
  );
  const chosen = new Set(sendable);
  const contacts = views.map(({ contact, visible, missing }) => {
    const wanted = rows.filter(missing);
    const gets = wanted.filter((row) => chosen.has(row));
    const withheld = wanted.filter((row) => !visible(row.owners));
    return {
      contactId: contact.id,
      name: contact.name,
      changes: gets.length,
      persons: personsOf(gets),
      withheldChanges: withheld.length,
      withheldPersons: personsOf(withheld),
      withheldForOthers: wanted.length - gets.length - withheld.length,
    };
  });
  return {
    identity,
    recipients,
    rows: sendable,
    attested,
    preview: { contacts, changes: sendable.length, persons: personsOf(sendable) },
  };
}

export async function previewSend(access: SyncAccess, contactIds: string[]): Promise<SendPreview> {
  const identity = await requireIdentity(access);
  return plan((await access.readVault()).db, identity, access.installId, contactIds).preview;
}

/** The signatures the file's sets need: a new one over ours, the stored ones over colleagues'. */
function attestationsFor(db: ReadDb, p: Plan, installId: string): Attestation[] {
  const own = p.rows.filter((row) => row.author === installId).map((row) => row.digest);
  const out: Attestation[] =
    own.length > 0 ? [attest(installId, p.identity.keys.signing, own)] : [];
  const stored = new Set(
    p.rows.filter((row) => row.author !== installId).map((row) => p.attested.get(row.digest)!),
  );
  for (const id of stored) {
    const record = readRecord(db, 'syncAttestation', id)!;
    out.push({
      author: String(record.author),
      key: String(record.keyId),
      digests: String(record.digests),
      signature: String(record.signature),
    });
  }
  return out;
}

/** How a receiver without a contact for a relayed author can check that author's signature. */
function introductionsFor(db: ReadDb, p: Plan, installId: string): Introduction[] {
  const authors = new Set(p.rows.map((row) => row.author).filter((a) => a !== installId));
  return readContacts(db)
    .filter((contact) => authors.has(contact.installId))
    .map((contact) => ({
      install: contact.installId,
      name: contact.name,
      encryption: contact.ageRecipient,
      keys: contact.signingKeys.map(minisignPublicKey),
    }));
}

export async function sendBundle(
  access: SyncAccess,
  args: { contactIds: string[]; path: string; overwrite: boolean; armor: boolean },
): Promise<SendResult> {
  const identity = await requireIdentity(access);
  const db = (await access.readVault()).db;
  const p = plan(db, identity, access.installId, args.contactIds);
  if (p.rows.length === 0) throw new ApiError('BUNDLE_EMPTY', 'Nothing to send');
  const seq = identity.bundleSeq + 1;
  const header = {
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    schema: SCHEMA_VERSION,
    sender: access.installId,
    seq,
    recipients: p.recipients.map((c) => ({ install: c.installId, key: c.signingKeys[0]!.keyId })),
    have: versionVectorOf(db),
    authors: introductionsFor(db, p, access.installId),
    attestations: attestationsFor(db, p, access.installId),
    sets: [],
  };
  // The logged texts are the canonical sets: spliced in as they are, never parsed again.
  const text = JSON.stringify(header).replace(
    /"sets":\[\]\}$/,
    `"sets":[${p.rows.map((row) => logBodyText(row.body)).join(',')}]}`,
  );
  const now = new Date().toISOString();
  // The number is taken before the file exists: a file that failed to write wastes a number,
  // where a number reused would make the next bundle look like a replay.
  await access.commit(
    [
      { entity: 'syncIdentity', id: identity.id, field: 'bundleSeq', value: seq },
      ...p.recipients.map((c) => ({
        entity: 'contact',
        id: c.id,
        field: 'lastSentAt',
        value: now,
      })),
    ],
    { undoable: false },
  );
  const bytes = await sealBundle({
    payload: Buffer.from(text, 'utf8'),
    signer: identity.keys.signing,
    recipients: p.recipients.map((c) => c.ageRecipient),
    armor: args.armor,
  });
  const path = await writeOutputFile(args.path, bytes, args.overwrite);
  return { ...p.preview, path, bytes: bytes.length };
}
