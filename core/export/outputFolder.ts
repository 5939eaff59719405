import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { syncDirectory, writeFileAtomic } from '../vault/atomicFile';
import { classifyFsError } from '../vault/fsErrors';

const FOLDER_PROBLEMS = ['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR'];

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What is at `target` now: nothing, an empty folder, a folder holding only files of these
 * names (an earlier output of the same kind), or anything else, which is never replaced.
 */
async function inspect(
  target: string,
  names: ReadonlySet<string>,
): Promise<'none' | 'empty' | 'ours' | 'foreign'> {
  const stat = await fs.lstat(target).catch(() => null);
  if (!stat) return 'none';
  if (!stat.isDirectory()) return 'foreign';
  const entries = await fs.readdir(target, { withFileTypes: true });
  if (entries.length === 0) return 'empty';
  return entries.every((e) => e.isFile() && names.has(e.name)) ? 'ours' : 'foreign';
}

function writeError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const code = classifyFsError(err);
  return new ApiError(
    FOLDER_PROBLEMS.includes(code) ? 'FOLDER_NOT_WRITABLE' : 'STORAGE_FAILED',
    `Writing the folder failed (${code})`,
  );
}

/**
 * Writes a plaintext output of several files (a case file as CSV) as a new folder, whole or not
 * at all: the files go into a private temp folder beside it (0700, each file 0600), which is
 * renamed into place once every file is written; on failure it is removed. An existing folder
 * is replaced only when asked and only when it holds nothing but files of these names, so a
 * wrong path can never empty a folder of the user's own files; an empty folder is used as is.
 */
export async function writeOutputFolder(
  folder: string,
  files: OutputFile[],
  overwrite: boolean,
): Promise<string> {
  const target = path.resolve(folder);
  const parent = path.dirname(target);
  const state = await inspect(target, new Set(files.map((f) => f.name)));
  if (state === 'foreign') {
    throw new ApiError('EXPORT_FOLDER_FOREIGN', 'Something other than a case file is there');
  }
  if (state === 'ours' && !overwrite) {
    throw new ApiError('EXPORT_FOLDER_EXISTS', 'A case file folder of that name exists');
  }
  const tag = randomBytes(6).toString('hex');
  const temp = path.join(parent, `.${path.basename(target)}.${tag}.tmp`);
  const old = path.join(parent, `.${path.basename(target)}.${tag}.old`);
  try {
    await fs.mkdir(temp, { mode: 0o700 });
  } catch (err) {
    throw writeError(err);
  }
  try {
    for (const file of files) await writeFileAtomic(path.join(temp, file.name), file.bytes);
    if (state !== 'none') await fs.rename(target, old);
    try {
      await fs.rename(temp, target);
    } catch (err) {
      if (state !== 'none') await fs.rename(old, target);
      throw err;
    }
    await syncDirectory(parent);
  } catch (err) {
    await fs.rm(temp, { recursive: true, force: true });
    throw writeError(err);
  }
  await fs.rm(old, { recursive: true, force: true });
  return target;
}
