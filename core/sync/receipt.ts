import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import { digestOf } from '../changes/canonical';
import type { ReadDb } from '../db/handle';
import { readRecord } from '../db/records';
import { contactByInstall, contactCells } from './contacts';
import { parseMinisignPublicKey } from './minisign';
import type { CheckedBundle } from './receive';
import { normalise, parseVersionVector, addSeq, parseRanges } from './versionVector';

function recordCells(entity: string, id: string, fields: Record<string, Cell['value']>): Cell[] {
  return Object.entries(fields).map(([field, value]) => ({ entity, id, field, value }));
}

/**
 * This vault's bookkeeping of a received bundle, committed with its sets: the attestations
 * kept to pass the sets on, contacts for colleagues known only through the sender, what the
 * sender has acknowledged and which of its bundles arrived, and a receipt.
 */
export function receiptCells(db: ReadDb, installId: string, checked: CheckedBundle): Cell[] {
  const now = new Date().toISOString();
  const cells: Cell[] = [];
  for (const attestation of checked.attestations) {
    const id = digestOf(attestation.signature).slice(0, 32);
    if (readRecord(db, 'syncAttestation', id)) continue;
    cells.push(
      ...recordCells('syncAttestation', id, {
        author: attestation.author,
        keyId: attestation.key,
        signature: attestation.signature,
        digests: attestation.digests,
        createdAt: now,
      }),
    );
  }
  const authors = new Set(checked.fresh.map((set) => set.author));
  for (const intro of checked.payload.authors) {
    if (!authors.has(intro.install) || intro.install === installId) continue;
    if (contactByInstall(db, intro.install)) continue;
    const keys = intro.keys.map((line) => parseMinisignPublicKey(line)!);
    const card = {
      name: intro.name,
      installId: intro.install,
      ageRecipient: intro.encryption,
      signing: keys[0]!,
    };
    const { id, cells: introduced } = contactCells(db, card, { introducedBy: checked.sender.id });
    cells.push(...introduced.filter((c) => c.field !== 'signingKeys'));
    cells.push({ entity: 'contact', id, field: 'signingKeys', value: intro.keys });
  }
  const sender = checked.sender;
  const have = parseVersionVector(sender.theirHave);
  for (const [author, ranges] of Object.entries(checked.payload.have))
    have[author] = normalise([...(have[author] ?? []), ...ranges]);
  cells.push(
    ...recordCells('contact', sender.id, {
      theirHave: JSON.stringify(have),
      receivedSeqs: JSON.stringify(addSeq(parseRanges(sender.receivedSeqs), checked.payload.seq)),
      lastReceivedAt: now,
      clockAheadMs: checked.clockAheadMs,
    }),
  );
  cells.push(
    ...recordCells('syncReceipt', newRecordId(), {
      contactId: sender.id,
      bundleSeq: checked.payload.seq,
      changes: checked.sets.length,
      newChanges: checked.fresh.length,
      clockAheadMs: checked.clockAheadMs,
      flagged: JSON.stringify(checked.flagged),
      createdAt: now,
    }),
  );
  return cells;
}
