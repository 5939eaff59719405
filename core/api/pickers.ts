import { z } from 'zod';

/**
 * What a picker chooses. The renderer names a purpose, never a path: the host shows its own
 * dialog, keeps the chosen path, and hands back a token good for that purpose only.
 */
export const PATH_PURPOSES = {
  /** An existing vault's folder, to unlock or repair. */
  openVault: { kind: 'folder', mode: 'read' },
  /** A folder for a new vault (created, or restored from a backup): new or empty. */
  newVault: { kind: 'folder', mode: 'write' },
  /** A new or empty folder for an encrypted backup. */
  backupFolder: { kind: 'folder', mode: 'write' },
  /** The folder of a backup to restore from; it is only read. */
  restoreSource: { kind: 'folder', mode: 'read' },
  /** A spreadsheet to import rows from. */
  importFile: { kind: 'file', mode: 'read', extensions: ['csv', 'xlsx'] },
  /** A case file exported by Vigil, as one workbook. */
  caseFileWorkbook: { kind: 'file', mode: 'read', extensions: ['xlsx'] },
  /** A case file exported by Vigil, as a folder of CSV files. */
  caseFileFolder: { kind: 'folder', mode: 'read' },
  /** A spreadsheet to export to. */
  exportFile: { kind: 'file', mode: 'write', extensions: ['csv', 'xlsx'] },
  /** A new folder for a case file written as CSV files. */
  exportFolder: { kind: 'folder', mode: 'write' },
  /** A report: a PDF or its tables as a spreadsheet. */
  reportFile: { kind: 'file', mode: 'write', extensions: ['pdf', 'csv', 'xlsx'] },
  /** An encrypted bundle to send to contacts. */
  sendBundle: { kind: 'file', mode: 'write', extensions: ['vigil-bundle'] },
  /** A bundle received from a contact. */
  receiveBundle: { kind: 'file', mode: 'read', extensions: ['vigil-bundle'] },
  /** This installation's contact file, to give to colleagues. */
  saveContactFile: { kind: 'file', mode: 'write', extensions: ['vigil-contact'] },
  /** A colleague's contact file. */
  openContactFile: { kind: 'file', mode: 'read', extensions: ['vigil-contact'] },
} as const satisfies Record<
  string,
  { kind: 'file' | 'folder'; mode: 'read' | 'write'; extensions?: readonly string[] }
>;

export type PathPurpose = keyof typeof PATH_PURPOSES;
export const PathPurpose = z.enum(Object.keys(PATH_PURPOSES) as [PathPurpose, ...PathPurpose[]]);

/** 32 random bytes, base64url: nothing a path could be mistaken for, nothing guessable. */
export const PathToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'not a token from pickPath: choose the file or folder again');

export const PickPathArgs = z
  .object({
    purpose: PathPurpose,
    /** A file or folder name (no folder part) the save dialog offers first. */
    suggestedName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a name, not a path')
      .refine((name) => name !== '.' && name !== '..', 'a name, not a path')
      .optional(),
  })
  .strict();
export type PickPathArgs = z.output<typeof PickPathArgs>;

/** What the renderer may hold of a chosen path: the token, and the name it shows. */
export const PickedPath = z.object({ token: PathToken, label: z.string() }).strict();
export type PickedPath = z.infer<typeof PickedPath>;

/**
 * A method's argument fields that carry a token, each with the purposes a token for it may
 * have been picked for. The host resolves them to paths before the call reaches the core.
 */
export type PathFields = Readonly<Record<string, readonly PathPurpose[]>>;
