import { z } from 'zod';
import { Id } from './schemas';
import { ImportShape } from './import';
import { Audience } from './reports';

export const ExportArgs = z
  .object({
    /** Where to write; the desktop app fills it from a save dialog. */
    path: z.string().trim().min(1).max(4096),
    format: z.enum(['csv', 'xlsx']),
    shape: ImportShape,
    /** The persons to export (for events: whose events); everyone when left out. */
    personIds: z.array(Id).max(1_000_000).optional(),
    /** The file is plaintext: the UI must have said so and the user agreed. */
    confirmPlaintext: z.literal(true),
    overwrite: z.boolean().default(false),
    /** CSV only. Excel set to Belarusian or Russian expects `;`. */
    delimiter: z.enum([',', ';']).default(','),
    /** Adds a label column, in this language, beside each thesaurus code column. */
    labels: z.enum(['en', 'be', 'ru']).optional(),
    /** Who the file is for: the disclosure policy decides what it holds (see reports.ts). */
    audience: Audience.default('publish'),
  })
  .strict();
export type ExportArgs = z.output<typeof ExportArgs>;

export const ExportResult = z.object({
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;
