import { z } from 'zod';
import { ApiError } from '../api/errors';
import { RECORD_KINDS } from '../api/records';
import {
  ReportFigure,
  ReportSpec,
  type FigureSnapshotEntry,
  type ReportSpec as ReportSpecType,
} from '../api/reports';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import type { ReadDb } from '../db/handle';
import { all, type Row } from '../db/statements';
import type { VaultAccess } from '../vault/access';

/**
 * Figure snapshots: what a produced figures report counted (its parameters, and per figure the
 * value and the cases behind it), kept in the vault so that "which cases made the number we
 * published" still has an answer after the records changed. A snapshot is a record like any
 * other, written through the write path; it is never edited, and undo does not take it back
 * (it records a report that was produced, not an edit of the case data).
 */

export type FiguresReportSpec = Extract<ReportSpecType, { template: 'figures' }>;

/** A snapshot as this version reads it: only figures reports make them. */
export type FigureSnapshot = Omit<FigureSnapshotEntry, 'spec'> & { spec: FiguresReportSpec };
export type FigureSnapshotSummary = Omit<FigureSnapshot, 'figures'>;

const Figures = z.array(ReportFigure);

/** Records a figures report's snapshot and returns its id. */
export async function recordFigureSnapshot(
  access: VaultAccess,
  spec: FiguresReportSpec,
  title: string,
  figures: ReportFigure[],
): Promise<string> {
  const checked = ReportSpec.safeParse(spec);
  if (!checked.success || checked.data.template !== 'figures') {
    throw new ApiError('INVALID_INPUT', 'Not the parameters of a figures report');
  }
  const counted = Figures.safeParse(figures);
  const fields = RECORD_KINDS.figureSnapshot.safeParse({
    title,
    spec: JSON.stringify(checked.data),
    figures: JSON.stringify(counted.data),
  });
  if (!counted.success || !fields.success) {
    throw new ApiError('INVALID_INPUT', 'Not a figure snapshot');
  }
  const id = newRecordId();
  const cells: Cell[] = Object.entries(fields.data).map(([field, value]) => ({
    entity: 'figureSnapshot',
    id,
    field,
    value,
  }));
  // createdAt is a value in the record, so replay and sync never compute it.
  cells.push({ entity: 'figureSnapshot', id, field: 'createdAt', value: new Date().toISOString() });
  await access.commit(cells, { undoable: false });
  return id;
}

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return undefined;
  }
}

function specOf(text: unknown): FiguresReportSpec | null {
  const spec = ReportSpec.safeParse(parseJson(text));
  return spec.success && spec.data.template === 'figures' ? spec.data : null;
}

const SELECT = `SELECT id, created_at, title, spec, figures FROM figure_snapshots WHERE deleted = 0`;

/**
 * A snapshot row as this version reads it, or null for one it cannot (a newer version's
 * parameters or figures): such a snapshot is passed over, not an error.
 */
function snapshotOf(row: Row): FigureSnapshot | null {
  const spec = specOf(row.spec);
  const figures = Figures.safeParse(parseJson(row.figures));
  if (!spec || !figures.success) return null;
  return {
    id: String(row.id),
    createdAt: String(row.created_at),
    title: String(row.title),
    spec,
    figures: figures.data,
  };
}

/** The snapshots of the vault that this version can read, newest first, without their figures. */
export function listFigureSnapshots(db: ReadDb): FigureSnapshotSummary[] {
  // Snapshots made in the same millisecond keep the order they were applied in here.
  return all(db, `${SELECT} ORDER BY created_at DESC, clock_base DESC`).flatMap((row) => {
    const snapshot = snapshotOf(row);
    return snapshot
      ? [
          {
            id: snapshot.id,
            createdAt: snapshot.createdAt,
            title: snapshot.title,
            spec: snapshot.spec,
          },
        ]
      : [];
  });
}

/** One snapshot with its figures; null when there is none by that id this version can read. */
export function readFigureSnapshot(db: ReadDb, id: string): FigureSnapshot | null {
  const row = all(db, `${SELECT} AND id = ?`, [id])[0];
  return row ? snapshotOf(row) : null;
}
