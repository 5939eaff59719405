import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import {
  PATH_PURPOSES,
  type PathPurpose,
  type PickedPath,
  type PickPathArgs,
} from '../api/pickers';
import type { Language } from '../api/language';

/** What a host's picker is asked to show: one file or folder, to read or to write. */
export interface PickRequest {
  purpose: PathPurpose;
  kind: 'file' | 'folder';
  mode: 'read' | 'write';
  /** File name endings the dialog offers first (without the dot); none for folders. */
  extensions: readonly string[];
  suggestedName?: string;
  /** The interface language the dialog speaks. */
  language: Language;
}

/** A host's own dialog: the absolute path chosen, or null when the user cancelled. */
export type PathPicker = (request: PickRequest) => Promise<string | null>;

export function pickRequest(
  { purpose, suggestedName }: PickPathArgs,
  language: Language,
): PickRequest {
  const spec: { kind: 'file' | 'folder'; mode: 'read' | 'write'; extensions?: readonly string[] } =
    PATH_PURPOSES[purpose];
  return {
    purpose,
    kind: spec.kind,
    mode: spec.mode,
    extensions: spec.extensions ?? [],
    language,
    ...(suggestedName ? { suggestedName } : {}),
  };
}

interface Grant {
  path: string;
  purpose: PathPurpose;
}

/**
 * The paths the user chose in the host's pickers, each behind a random token the renderer
 * holds instead of the path. A token opens only what it was picked for: a compromised renderer
 * can replay a token for that purpose, but cannot name any other path or use an import file as
 * an export target. Kept in memory only and forgotten when the vault locks or the host stops.
 */
export class PathGrants {
  private readonly grants = new Map<string, Grant>();

  /** A token for `chosen`; the same one again for the same path and purpose, so polls add none. */
  grant(chosen: string, purpose: PathPurpose): PickedPath {
    const absolute = path.resolve(chosen);
    const label = path.basename(absolute) || absolute;
    for (const [token, grant] of this.grants) {
      if (grant.path === absolute && grant.purpose === purpose) return { token, label };
    }
    const token = randomBytes(32).toString('base64url');
    this.grants.set(token, { path: absolute, purpose });
    return { token, label };
  }

  /** The path behind `token`; refused when it is unknown or was picked for another purpose. */
  resolve(token: string, purposes: readonly PathPurpose[]): string {
    const grant = this.grants.get(token);
    if (!grant) throw new ApiError('PATH_NOT_CHOSEN', 'No file or folder was chosen for this');
    if (!purposes.includes(grant.purpose))
      throw new ApiError('PATH_WRONG_PURPOSE', 'The file or folder was chosen for another use');
    return grant.path;
  }

  clear(): void {
    this.grants.clear();
  }
}

/**
 * Refuses, at the picker, a choice the call would refuse later: a new vault needs a new or an
 * empty folder, since a vault written among other files would hide them in its folder.
 */
export async function checkChoice(chosen: string, purpose: PathPurpose): Promise<void> {
  if (purpose !== 'newVault' && purpose !== 'backupFolder') return;
  const names = await fs.readdir(chosen).catch(() => [] as string[]);
  if (names.length > 0)
    throw new ApiError('FOLDER_NOT_EMPTY', 'The folder holds other files; choose an empty one');
}
