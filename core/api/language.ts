import { z } from 'zod';

/**
 * The languages Vigil is written in: English, Belarusian and Russian. The interface, reports,
 * thesaurus labels and exported label columns all come in these three.
 */
export const Language = z.enum(['en', 'be', 'ru']);
export type Language = z.infer<typeof Language>;
