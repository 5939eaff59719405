import { z } from 'zod';
import { Id } from './schemas';
import { ImportShape } from './import';

/**
 * What an import wrote, and the import runs that record it: their states, the progress of the
 * one under way, and what undoing one did. Zod only: the renderer reads this file too.
 */

/** What an import run read: a table of one shape, or a whole case file (`importCaseFile`). */
export const ImportRunShape = z.enum([...ImportShape.options, 'caseFile']);
export type ImportRunShape = z.infer<typeof ImportRunShape>;

export const ImportResult = z.object({
  /** The import run, for "Undo this import". */
  runId: Id,
  imported: z.number().int(),
  personsUpdated: z.number().int(),
  unchanged: z.number().int(),
  termsCreated: z.number().int(),
  skipped: z.number().int(),
  personsCreated: z.number().int(),
  /** Custody events and risk assignments. */
  eventsCreated: z.number().int(),
  proceedingsCreated: z.number().int(),
  statusesCreated: z.number().int(),
  /** Cancelled between batches: the rows before were imported, the rest were not. */
  cancelled: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Counts an import run keeps about itself, for the list of imports. */
export const ImportCounts = ImportResult.omit({ runId: true, cancelled: true });
export type ImportCounts = z.infer<typeof ImportCounts>;

/**
 * `running` while batches are written; `stopped` when the vault locked (or the app closed)
 * before the last batch; `undone` once "Undo this import" took it back.
 */
export const ImportRunState = z.enum(['running', 'complete', 'cancelled', 'stopped', 'undone']);
export type ImportRunState = z.infer<typeof ImportRunState>;

export const ImportRun = z.object({
  id: Id,
  fileName: z.string(),
  shape: ImportRunShape,
  createdAt: z.string(),
  /** Rows the import was to write, and rows written when it ended. */
  rows: z.number().int(),
  imported: z.number().int(),
  state: ImportRunState,
  counts: ImportCounts,
});
export type ImportRun = z.infer<typeof ImportRun>;

/** How far the import under way has got; null when none is. */
export const ImportProgress = z
  .object({
    runId: Id,
    rows: z.number().int(),
    imported: z.number().int(),
    cancelling: z.boolean(),
  })
  .nullable();
export type ImportProgress = z.infer<typeof ImportProgress>;

export const UndoImportResult = z.object({
  /** Records the import created, now deleted. */
  removed: z.number().int(),
  /** Fields the import changed, now as they were before it. */
  restored: z.number().int(),
  /** Fields the import changed that were changed again since: left as they are now. */
  kept: z.number().int(),
});
export type UndoImportResult = z.infer<typeof UndoImportResult>;
