import { promises as fs } from 'node:fs';
import { ApiError } from '../api/errors';
import type { ReportPreview, ReportSpec, SaveReportArgs, SaveReportResult } from '../api/reports';
import type { VaultAccess } from '../vault/access';
import { toCsv } from '../export/csv';
import { neutraliseFormula } from '../export/formula';
import { writeOutputFile } from '../export/outputFile';
import { toXlsx } from '../export/xlsx';
import { previewOf, printJob } from './document';
import { loadFontFaces } from './fonts';
import { neutralPdfInfo, pdfPageCount } from './pdfFile';
import { recordFigureSnapshot, type FiguresReportSpec } from './snapshots';
import { reportContext } from './context';
import { buildReport } from './templates';
import type { BuiltReport, ReportDeps } from './types';

async function build(
  access: VaultAccess,
  spec: ReportSpec,
  deps: ReportDeps,
): Promise<BuiltReport> {
  const db = (await access.readVault()).db;
  return buildReport(spec, reportContext(db, spec.language, spec.audience, deps.today()));
}

export async function previewReport(
  access: VaultAccess,
  spec: ReportSpec,
  deps: ReportDeps,
): Promise<ReportPreview> {
  return previewOf(await build(access, spec, deps), spec);
}

/**
 * Makes the report and writes it where the user chose, whole or not at all. A figures report
 * then records what it counted (a figure snapshot) in the vault; if that fails the file is
 * removed again, so every saved figures report has its snapshot.
 */
export async function saveReport(
  access: VaultAccess,
  args: SaveReportArgs,
  deps: ReportDeps,
): Promise<SaveReportResult> {
  const report = await build(access, args, deps);
  const { bytes, pages } =
    args.format === 'pdf'
      ? await pdfOf(report, args, deps)
      : { bytes: sheetOf(report, args.format), pages: 0 };
  const path = await writeOutputFile(args.path, bytes, args.overwrite);
  const snapshotId = await snapshotOf(access, args, report).catch(async (err: unknown) => {
    await fs.rm(path, { force: true });
    throw err;
  });
  return { path, bytes: bytes.length, pages, disclosure: report.disclosure, snapshotId };
}

async function pdfOf(report: BuiltReport, spec: ReportSpec, deps: ReportDeps) {
  if (!deps.printPdf) throw new ApiError('PRINT_FAILED', 'This host cannot print');
  const faces = await loadFontFaces(deps.fontDir);
  const printed = await deps.printPdf(printJob(report, spec, faces)).catch((err: unknown) => {
    if (err instanceof ApiError) throw err;
    throw new ApiError('PRINT_FAILED', 'The PDF engine failed');
  });
  const bytes = neutralPdfInfo(printed);
  return { bytes, pages: pdfPageCount(bytes) };
}

/** The report's tables one under the other, each under its name, every cell formula-safe. */
function sheetOf(report: BuiltReport, format: 'csv' | 'xlsx'): Uint8Array {
  const rows = report.tables.flatMap((table, i) => [
    ...(i > 0 ? [[]] : []),
    [table.name],
    ...table.rows,
  ]);
  const cells = rows.map((row) => row.map(neutraliseFormula));
  return format === 'csv' ? toCsv(cells, ',') : toXlsx(cells, 'Report');
}

async function snapshotOf(
  access: VaultAccess,
  spec: SaveReportArgs,
  report: BuiltReport,
): Promise<string | null> {
  if (spec.template !== 'figures' || !report.figures) return null;
  const vault = await access.readVault();
  // A vault opened past damage can be read and reported on, not written to.
  if (vault.readOnly) return null;
  const definition: FiguresReportSpec = {
    template: spec.template,
    params: spec.params,
    language: spec.language,
    pageSize: spec.pageSize,
    audience: spec.audience,
  };
  return recordFigureSnapshot(access, definition, report.title, report.figures);
}
