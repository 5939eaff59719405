import { ApiError } from '../api/errors';
import type { SnapshotComparison } from '../api/reports';
import { reportFigures } from '../reports/figureSet';
import { compareSnapshot } from '../reports/snapshotChanges';
import { readFigureSnapshot } from '../reports/snapshots';
import type { CoreSession } from './session';

/** A snapshot against the figures its own parameters give today. */
export async function compareFigureSnapshot(
  session: CoreSession,
  id: string,
): Promise<SnapshotComparison> {
  const db = (await session.readVault()).db;
  const snapshot = readFigureSnapshot(db, id);
  if (!snapshot) throw new ApiError('NOT_FOUND', 'No such figure snapshot');
  return compareSnapshot(db, snapshot, reportFigures(db, snapshot.spec.params));
}
