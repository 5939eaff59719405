import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { writeOutputFile } from '../export/outputFile';
import {
  addContact,
  contactFingerprint,
  contactView,
  readContacts,
  removeContact,
  setContactScope,
  verifyContact,
} from '../sync/contacts';
import { ensureIdentity, identityView, rotateIdentity, setInstallName } from '../sync/identity';
import { listConflicts, resolveConflict } from '../sync/queue';
import { previewReceive, receiveBundle } from '../sync/receive';
import { previewSend, sendBundle } from '../sync/send';
import type { Handlers } from './handlers';
import { authorName } from './history';
import type { CoreSession } from './session';

type SyncMethod =
  | 'syncIdentity'
  | 'rotateSyncKeys'
  | 'setInstallName'
  | 'saveContactFile'
  | 'addContact'
  | 'listContacts'
  | 'contactFingerprint'
  | 'verifyContact'
  | 'setContactScope'
  | 'removeContact'
  | 'previewSend'
  | 'sendBundle'
  | 'previewReceive'
  | 'receiveBundle'
  | 'listConflicts'
  | 'resolveConflict';

/** A contact file is a few hundred bytes; anything much larger is not one. */
const CONTACT_FILE_MAX = 20_000;

async function readContactFile(file: string): Promise<string> {
  const target = path.resolve(file);
  const stat = await fs.stat(target).catch(() => null);
  if (!stat?.isFile()) throw new ApiError('NOT_FOUND', 'No contact file there');
  if (stat.size > CONTACT_FILE_MAX) throw new ApiError('CONTACT_INVALID', 'File too large');
  return fs.readFile(target, 'utf8');
}

/** The sync methods of the contract, bound to the session (core/sync does the work). */
export function syncHandlers(session: CoreSession): Pick<Handlers, SyncMethod> {
  const db = async () => (await session.readVault()).db;
  const names = async () => {
    const read = await db();
    return (author: string) => authorName(read, author);
  };
  return {
    syncIdentity: async () =>
      identityView(await db(), session.installId, await ensureIdentity(session)),
    rotateSyncKeys: async () =>
      identityView(await db(), session.installId, await rotateIdentity(session)),
    setInstallName: async (a) => {
      await setInstallName(session, a.name);
      return identityView(await db(), session.installId, await ensureIdentity(session));
    },
    saveContactFile: async (a) => {
      const view = identityView(await db(), session.installId, await ensureIdentity(session));
      const written = await writeOutputFile(a.path, Buffer.from(view.contactText), a.overwrite);
      return { path: written };
    },
    addContact: async (a) => addContact(session, a.text ?? (await readContactFile(a.path!))),
    listContacts: async () => {
      const read = await db();
      return readContacts(read).map((c) => contactView(read, c));
    },
    contactFingerprint: (a) => contactFingerprint(session, a.id),
    verifyContact: (a) => verifyContact(session, a.id, a.digits),
    setContactScope: (a) => setContactScope(session, a.id, a.scope, a.regions),
    removeContact: async (a) => {
      await removeContact(session, a.id);
      return { id: a.id };
    },
    previewSend: (a) => previewSend(session, a.contactIds),
    sendBundle: (a) => sendBundle(session, a),
    previewReceive: (a) => previewReceive(session, a.path),
    receiveBundle: (a) => receiveBundle(session, a.path),
    listConflicts: async () => listConflicts(await db(), await names()),
    resolveConflict: async (a) => resolveConflict(session, a, await names()),
  };
}
