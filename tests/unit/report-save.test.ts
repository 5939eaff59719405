import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrintPdf } from '../../core/api/print';
import { pseudonymCode } from '../../core/disclosure';
import { CoreSession } from '../../core/service/session';
import { setFsStepHook } from '../../core/vault/fsSteps';
import { launchPrinter, pdfInfo, pdfText } from '../helpers/pdf';
import { coreWithVault, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

// Saving a report as a user does: through the contract, into a folder of their choosing, and
// every way it can go wrong leaves a typed error and no file behind. PDFs are read back with
// poppler-utils and, for what must not be in them, byte by byte.

const tempDir = useTempDirs();
let printer: { printPdf: PrintPdf; close(): Promise<void> };

beforeAll(async () => {
  printer = await launchPrinter();
});
afterAll(async () => {
  await printer.close();
});
afterEach(() => setFsStepHook(null));

const PUBLISHED = 'Алесь Невядомы';
const WITHHELD = 'Зміцер Схаваны';
const NEVER = 'Ўладзімір Таемны';
const WITHHELD_NOTE = 'адрас бацькоў вядомы';

interface Register {
  core: TestCore;
  root: string;
  ids: { published: string; withheld: string; never: string };
}

async function register(): Promise<Register> {
  const root = tempDir();
  const core = await coreWithVault(root, printer.printPdf);
  const person = async (name: string, consent: string, notes = '') =>
    (await core.call('createPerson', { name, consent, birthDate: '1971-03-14', notes })).id;
  const ids = {
    published: await person(PUBLISHED, 'publish'),
    withheld: await person(WITHHELD, 'withhold_name', WITHHELD_NOTE),
    never: await person(NEVER, 'never_publish'),
  };
  for (const personId of Object.values(ids)) {
    await core.call('createRecord', {
      kind: 'custodyEvent',
      fields: { personId, type: 'detention', date: '2021-08-15' },
    });
  }
  return { core, root, ids };
}

const listOf = (ids: string[], extra: object = {}) => ({
  template: 'list',
  params: { persons: { kind: 'ids', personIds: ids, description: 'test' }, asOf: '2024-05-06' },
  language: 'be',
  ...extra,
});

const save = (core: TestCore, spec: object, file: string, extra: object = {}) =>
  core.call('saveReport', { ...spec, path: file, confirmPlaintext: true, ...extra });
const saveFails = (core: TestCore, spec: object, file: string, extra: object = {}) =>
  core.fails('saveReport', { ...spec, path: file, confirmPlaintext: true, ...extra });

/** The PDF's bytes and every stream in it inflated, as UTF-8 and as UTF-16BE text. */
function everyByteOf(file: string): string {
  const raw = readFileSync(file);
  const parts = [raw];
  const latin = raw.toString('latin1');
  for (const match of latin.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = latin.indexOf('endstream', start);
    try {
      parts.push(inflateSync(raw.subarray(start, end)));
    } catch {
      // Not a Flate stream (an image, a font program): its raw bytes are in `raw` already.
    }
  }
  return parts.map((b) => `${b.toString('utf8')}\n${utf16(b)}`).join('\n');
}

function utf16(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

describe('saving a report', () => {
  it('leaves the withheld and never-publish names out of a list for publication, and says so', async () => {
    const { core, root, ids } = await register();
    const file = path.join(root, 'list.pdf');
    const preview = await core.call('previewReport', listOf(Object.values(ids)));
    expect(preview.disclosure).toMatchObject({ persons: 2, leftOut: 1, pseudonymised: 1 });
    const saved = await save(core, listOf(Object.values(ids)), file);
    expect(saved.disclosure).toEqual(preview.disclosure);
    expect(saved.pages).toBe(Number(pdfInfo(file).Pages));
    const text = pdfText(file);
    expect(text).toContain(PUBLISHED);
    expect(text).toContain(`Справа ${pseudonymCode(ids.withheld)}`);
    const everything = `${text}\n${everyByteOf(file)}`;
    for (const secret of [WITHHELD, NEVER, WITHHELD_NOTE, 'Зміцер', 'Схаваны', 'Таемны']) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(pdfInfo(file).Title).not.toContain(WITHHELD);
  });

  it('includes never-publish cases only in an internal document, marked on every page', async () => {
    const { core, root, ids } = await register();
    const file = path.join(root, 'internal.pdf');
    const saved = await save(core, listOf(Object.values(ids), { audience: 'internal' }), file);
    expect(saved.disclosure).toMatchObject({ persons: 3, leftOut: 0, neverPublishIncluded: 1 });
    const text = pdfText(file);
    expect(text).toContain(NEVER);
    for (let page = 1; page <= saved.pages; page++) {
      expect(pdfText(file, page).replace(/\s+/g, ' ')).toContain('Для ўнутранага карыстання');
    }
  });

  it('records a figure snapshot for a figures report, and a spreadsheet of its tables', async () => {
    const { core, root } = await register();
    const spec = { template: 'figures', params: { asOf: '2024-05-06' } };
    const saved = await save(core, spec, path.join(root, 'figures.pdf'));
    expect(saved.snapshotId).not.toBeNull();
    const snapshots = await core.call('listFigureSnapshots', {});
    expect(snapshots.map((s) => s.id)).toEqual([saved.snapshotId]);
    const inCustody = await core.call('figureInCustody', { asOf: '2024-05-06' });
    expect(pdfText(saved.path)).toContain(String(inCustody.value));

    const csv = await save(core, spec, path.join(root, 'figures.csv'), { format: 'csv' });
    expect(csv.pages).toBe(0);
    expect(readFileSync(csv.path, 'utf8')).toContain(String(inCustody.value));
  });

  it('gives a typed error and leaves no file for every kind of bad input', async () => {
    const { core, root, ids } = await register();
    const spec = listOf([ids.published]);
    const leftovers = (dir: string) => readdirSync(dir).filter((f) => /pdf|tmp/.test(f));

    expect(await saveFails(core, listOf([]), path.join(root, 'empty.pdf'))).toBe('REPORT_EMPTY');
    expect(await saveFails(core, listOf([ids.never]), path.join(root, 'never.pdf'))).toBe(
      'REPORT_EMPTY',
    );
    expect(
      await saveFails(
        core,
        { template: 'figures', params: { asOf: '2024-05-06', colour: 'red' } },
        path.join(root, 'param.pdf'),
      ),
    ).toBe('INVALID_INPUT');

    const aFile = path.join(root, 'a-file');
    writeFileSync(aFile, 'not a folder');
    expect(await saveFails(core, spec, path.join(aFile, 'report.pdf'))).toBe('FOLDER_NOT_WRITABLE');

    const full = path.join(root, 'full-disk');
    mkdirSync(full);
    setFsStepHook((step, file) => {
      if (step === 'write' && file.startsWith(full)) {
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      }
    });
    expect(await saveFails(core, spec, path.join(full, 'report.pdf'))).toBe('STORAGE_FAILED');
    setFsStepHook(null);
    expect(readdirSync(full)).toEqual([]);

    const existing = path.join(root, 'existing.pdf');
    writeFileSync(existing, 'keep me');
    expect(await saveFails(core, spec, existing)).toBe('EXPORT_FILE_EXISTS');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    await save(core, spec, existing, { overwrite: true });
    expect(readFileSync(existing).subarray(0, 5).toString()).toBe('%PDF-');

    await core.call('lockVault', {});
    expect(await saveFails(core, spec, path.join(root, 'locked.pdf'))).toBe('VAULT_LOCKED');
    expect(leftovers(root)).toEqual(['existing.pdf']);
  });

  it('refuses to print when the font or the engine fails, leaving nothing behind', async () => {
    const { core, root, ids } = await register();
    await core.call('lockVault', {});
    const session = await CoreSession.start({
      dataDir: path.join(root, 'data'),
      kdf: TEST_KDF,
      reports: { printPdf: printer.printPdf, fontDir: path.join(root, 'no-font-here') },
    });
    const { createHandlers } = await import('../../core/service/handlers');
    const { dispatchWithPaths: dispatch } = await import('../helpers/session');
    const handlers = createHandlers(session);
    const unlocked = await dispatch(handlers, 'unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'test passphrase',
    });
    expect(unlocked.ok).toBe(true);
    const out = path.join(root, 'out');
    mkdirSync(out);
    const args = {
      ...listOf([ids.published]),
      path: path.join(out, 'r.pdf'),
      confirmPlaintext: true,
    };
    const noFont = await dispatch(handlers, 'saveReport', args);
    expect(noFont.ok ? null : noFont.error.code).toBe('REPORT_FONT_FAILED');

    const broken = await CoreSession.start({
      dataDir: path.join(root, 'data2'),
      kdf: TEST_KDF,
      reports: { printPdf: () => Promise.reject(new Error('the engine crashed')) },
    });
    const brokenHandlers = createHandlers(broken);
    await dispatch(handlers, 'lockVault', {});
    await dispatch(brokenHandlers, 'unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'test passphrase',
    });
    const noEngine = await dispatch(brokenHandlers, 'saveReport', args);
    expect(noEngine.ok ? null : noEngine.error.code).toBe('PRINT_FAILED');
    expect(existsSync(out) && readdirSync(out)).toEqual([]);
    await dispatch(brokenHandlers, 'lockVault', {});
  });
});
