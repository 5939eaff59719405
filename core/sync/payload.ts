import { z } from 'zod';
import { DigestList, HexId } from '../api/records';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { RangesSchema, VersionVectorSchema } from './versionVector';

/**
 * The signed payload inside a bundle (docs/sync.md): one line of JSON. `sets` are the change
 * sets in their canonical form (core/changes/canonical.ts), so each one's digest is the SHA-256
 * of exactly its JSON text; `attestations` are their authors' signatures over those digests.
 */
export const PAYLOAD_FORMAT = 'vigil-sync';
export const PAYLOAD_VERSION = 1;

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const Seq = z.number().int().min(1);
export const CanonicalSet = z.tuple([
  z.literal(1),
  z.string().max(64),
  HexId,
  Seq,
  z
    .array(
      z.tuple([
        z.string().max(64),
        z.string().max(64),
        z.string().max(64),
        CellValue,
        z.string().max(64),
      ]),
    )
    .min(1),
]);
export type CanonicalSet = z.infer<typeof CanonicalSet>;

export const Attestation = z.object({
  author: HexId,
  key: HexId,
  /** At least one. */
  digests: DigestList.min(64),
  /** Base64 Ed25519 signature of the attestation message (attestation.ts). */
  signature: z.string().regex(/^[A-Za-z0-9+/=]{1,200}$/),
});
export type Attestation = z.infer<typeof Attestation>;

/** A colleague whose sets the sender passes on: how to verify them if the receiver has no contact. */
export const Introduction = z.object({
  install: HexId,
  name: z.string().min(1).max(100),
  encryption: z.string().max(200),
  keys: z.array(z.string().max(200)).min(1).max(100),
});
export type Introduction = z.infer<typeof Introduction>;

export const BundlePayload = z
  .object({
    format: z.literal(PAYLOAD_FORMAT),
    version: z.literal(PAYLOAD_VERSION),
    schema: z.number().int().min(1),
    sender: HexId,
    seq: Seq,
    recipients: z
      .array(z.object({ install: HexId, key: HexId }).strict())
      .min(1)
      .max(50),
    have: VersionVectorSchema,
    authors: z.array(Introduction).max(10_000),
    attestations: z.array(Attestation).max(1_000_000),
    sets: z.array(CanonicalSet).max(10_000_000),
  })
  .strict();
export type BundlePayload = z.infer<typeof BundlePayload>;

export { RangesSchema };

/** A canonical set as the write path takes it, marked as received. */
export function changeSetOf(set: CanonicalSet): ChangeSet {
  const [v, hlc, author, seq, cells] = set;
  return {
    v,
    hlc,
    author,
    seq,
    received: true,
    cells: cells.map(([entity, id, field, value, base]): Cell => {
      const cell = { entity, id, field, value };
      return base === '' ? cell : { ...cell, base };
    }),
  };
}
