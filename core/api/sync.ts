import { z } from 'zod';
import { PathToken } from './pickers';
import { Id } from './schemas';
import { ContactScope, HexId, ThesaurusCode } from './records';

export { ContactScope, HexId };

/**
 * Sync between colleagues' vaults by encrypted, signed bundles (docs/sync.md). What crosses the
 * API: this installation's sharing identity, its contacts, previews of what a bundle sends or
 * brings, and the review queue of conflicts. Keys never cross it, only their public halves and
 * fingerprints.
 */

export const SyncIdentity = z.object({
  installId: HexId,
  /** The name colleagues see beside this installation's edits (the install record). */
  name: z.string().nullable(),
  keyId: HexId,
  /** The contact text colleagues add: name, install id, encryption and signing keys. */
  contactText: z.string(),
  createdAt: z.string(),
  /** Older key pairs kept so bundles made for them, or signed by them, still open. */
  retiredKeys: z.number().int(),
});
export type SyncIdentity = z.infer<typeof SyncIdentity>;

export const Contact = z.object({
  id: Id,
  name: z.string(),
  installId: HexId,
  keyId: HexId,
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** The installation (this one) whose user confirmed the fingerprint, by name when it has one. */
  verifiedBy: z.string().nullable(),
  scope: ContactScope,
  regions: z.array(ThesaurusCode),
  /** A colleague known only through a relay's bundle: its name, never verified here. */
  introducedBy: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  /** How far ahead of this computer's clock the contact's last bundle was, when more than a day. */
  clockAheadMs: z.number().int().nullable(),
});
export type Contact = z.infer<typeof Contact>;

export const AddContactArgs = z
  .object({
    /** A contact file (a token from `pickPath`, openContactFile), or its text pasted. */
    path: PathToken.optional(),
    text: z.string().max(20_000).optional(),
  })
  .strict()
  .refine((a) => (a.path === undefined) !== (a.text === undefined), {
    message: 'give a contact file or its text',
  });

export const SaveContactFileArgs = z
  .object({ path: PathToken, overwrite: z.boolean().default(false) })
  .strict();

/** The fingerprint both screens show: 12 groups of 5 digits, and the same as a QR code. */
export const Fingerprint = z.object({
  contactId: Id,
  digits: z.string(),
  qr: z.object({ size: z.number().int(), modules: z.array(z.boolean()) }),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

export const VerifyContactArgs = z
  .object({
    id: Id,
    /** The digits the user compared (spaces ignored); a mismatch is FINGERPRINT_MISMATCH. */
    digits: z.string().max(200),
  })
  .strict();

export const ContactScopeArgs = z
  .object({ id: Id, scope: ContactScope, regions: z.array(ThesaurusCode).max(200).default([]) })
  .strict();

export const SendArgs = z
  .object({
    contactIds: z.array(Id).min(1).max(50),
    path: PathToken,
    overwrite: z.boolean().default(false),
    /** ASCII armour, for messengers that mangle binary files. */
    armor: z.boolean().default(false),
  })
  .strict();

/** Per contact: what the bundle brings them, and what it leaves out and why. */
export const SendPreviewContact = z.object({
  contactId: Id,
  name: z.string(),
  /** Change sets this contact has not acknowledged and gets in this bundle. */
  changes: z.number().int(),
  persons: z.number().int(),
  /** Not acknowledged yet, but outside what this contact may see: kept for a later bundle. */
  withheldChanges: z.number().int(),
  withheldPersons: z.number().int(),
  /** Within this contact's view but left out because another recipient may not see them. */
  withheldForOthers: z.number().int(),
});

export const SendPreview = z.object({
  contacts: z.array(SendPreviewContact),
  /** Change sets in the one file. */
  changes: z.number().int(),
  persons: z.number().int(),
});
export type SendPreview = z.infer<typeof SendPreview>;

export const SendResult = SendPreview.extend({ path: z.string(), bytes: z.number().int() });
export type SendResult = z.infer<typeof SendResult>;

export const ReceiveArgs = z.object({ path: PathToken }).strict();

export const ReceivePreview = z.object({
  contactId: Id,
  from: z.string(),
  /** Change sets in the bundle, and those not already in this vault. */
  changes: z.number().int(),
  newChanges: z.number().int(),
  /** Persons the bundle creates here. */
  newPersons: z.number().int(),
  /** Fields edited on both sides without seeing each other's edit (an estimate before applying). */
  conflicts: z.number().int(),
  /** Other colleagues whose changes the sender passes on, by name, with how many. */
  relayed: z.array(z.object({ name: z.string(), changes: z.number().int() })),
  /** Cells of a newer Vigil, kept aside and applied after an upgrade. */
  heldCells: z.number().int(),
  /** The sender's clock, when more than a day ahead of this computer's. */
  clockAheadMs: z.number().int().nullable(),
});
export type ReceivePreview = z.infer<typeof ReceivePreview>;

export const ReceiveResult = ReceivePreview.extend({
  /** Conflicts found on applying (exact), now in the review queue. */
  conflicts: z.number().int(),
  /** Records whose change carries the wrong (far-future) time, flagged for checking. */
  flaggedRecords: z.number().int(),
});
export type ReceiveResult = z.infer<typeof ReceiveResult>;

/** One side of a conflict: a value, who wrote it and when. */
export const ConflictSide = z.object({
  value: z.unknown(),
  author: z.string(),
  authorName: z.string().nullable(),
  time: z.string(),
});

/**
 * A conflict in the review queue. `field`: both sides edited one field; the winner is applied.
 * `deleted`: a record deleted on one side was edited on the other after the delete, by someone
 * who had not seen it; it stays deleted until the user restores it.
 */
export const Conflict = z.object({
  kind: z.enum(['field', 'deleted']),
  entity: z.string(),
  id: Id,
  /** `deleted` for a delete conflict. */
  field: z.string(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  winner: ConflictSide,
  other: ConflictSide,
});
export type Conflict = z.infer<typeof Conflict>;

export const ResolveConflictArgs = z
  .object({
    entity: z.string().max(64),
    id: Id,
    field: z.string().max(64),
    /** Keep the applied value, or take the other as a new edit (for `deleted`: restore). */
    keep: z.enum(['winner', 'other']),
  })
  .strict();
