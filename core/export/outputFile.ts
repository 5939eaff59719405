import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { writeFileAtomic } from '../vault/atomicFile';
import { classifyFsError } from '../vault/fsErrors';

const FOLDER_PROBLEMS = ['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR'];

/**
 * Writes a plaintext output (export, report) where the user chose: whole or not at all (a temp
 * name beside it, then a rename; the temp file is removed on failure), an existing file replaced
 * only when asked. A folder that is missing, not a folder, or refuses writing is
 * FOLDER_NOT_WRITABLE; anything else, a full disk included, STORAGE_FAILED.
 */
export async function writeOutputFile(
  file: string,
  bytes: Uint8Array,
  overwrite: boolean,
): Promise<string> {
  const target = path.resolve(file);
  if (!overwrite && (await exists(target))) {
    throw new ApiError('EXPORT_FILE_EXISTS', 'A file of that name exists');
  }
  await writeFileAtomic(target, bytes).catch((err: unknown) => {
    const code = classifyFsError(err);
    throw new ApiError(
      FOLDER_PROBLEMS.includes(code) ? 'FOLDER_NOT_WRITABLE' : 'STORAGE_FAILED',
      `Writing the file failed (${code})`,
    );
  });
  return target;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
