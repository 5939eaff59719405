import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exchange, introduce, startPeer, type Peer } from '../helpers/sync';

let base: string;
let peers: Peer[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'vigil-sync-preview-'));
});

afterEach(async () => {
  for (const peer of peers) await peer.core.call('lockVault', {});
  peers = [];
  rmSync(base, { recursive: true, force: true });
});

it('previews a bundle with the persons it adds and the fields it would put in conflict', async () => {
  const a = await startPeer(base, 'a');
  const b = await startPeer(base, 'b');
  peers = [a, b];
  await introduce(a, b);
  const shared = await a.core.call('createPerson', { name: 'Invented Olga Brel' });
  await exchange(a, b);
  await a.core.call('updatePerson', {
    id: shared.id,
    changes: { occupation: 'nurse', notes: 'seen in court' },
  });
  await b.core.call('updatePerson', {
    id: shared.id,
    changes: { occupation: 'doctor', notes: 'seen at home' },
  });
  // The first person's set travels again (b has not reported back) and is held already.
  await a.core.call('createPerson', { name: 'Invented Ihar Lis', occupation: 'driver' });
  await a.core.call('createPerson', { name: 'Invented Vera Mots' });
  const file = path.join(a.root, 'preview.age');
  await a.core.call('sendBundle', { contactIds: [a.contactOf.get('b')], path: file });

  const preview = await b.core.call('previewReceive', { path: file });
  expect(preview).toMatchObject({ changes: 4, newChanges: 3, newPersons: 2, conflicts: 2 });
  const received = await b.core.call('receiveBundle', { path: file });
  expect(received).toMatchObject({ changes: 4, newChanges: 3, newPersons: 2, conflicts: 2 });
  expect(await b.core.call('listConflicts', {})).toHaveLength(2);
});
