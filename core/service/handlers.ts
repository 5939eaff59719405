import type {
  CoreResult,
  HostMethodName,
  MethodName,
  MethodResult,
  ParsedArgs,
} from '../api/contract';
import type { RecordKind } from '../api/records';
import { readRecords } from '../db/records';
import { loadDemoData } from '../demo/load';
import { figureCaseOrder } from './caseOrder';
import { recordHistory, undoChangeSet } from './history';
import {
  countPersons,
  createPerson,
  findDuplicates,
  getPerson,
  getPersonFile,
  listPersons,
  updatePerson,
} from './persons';
import { getPersonSummary } from './personSummary';
import { createRecord, deleteRecord, getRecord, updateRecord } from './records';
import { secretOf, type CoreSession } from './session';
import { readDisclosed } from '../disclosure';
import { exportCaseFile } from '../export/caseFile';
import { exportRecords } from '../export/service';
import { previewReport, saveReport } from '../reports/produce';
import { importCaseFile } from '../import/caseFile';
import { previewImport, runImport } from '../import/service';
import {
  figureAtRisk,
  figureBreakdown,
  figureCases,
  figureCustodySeries,
  figureEarlyReleaseShare,
  figureInCustody,
  figurePivot,
  figureRearrests,
  figureReleases,
} from '../stats/figures';
import {
  applyImportMapping,
  deleteImportMapping,
  listImportMappings,
  saveImportMapping,
} from './importMappings';
import { deletePivot, listPivots, savePivot } from './savedCounts';
import { compareFigureSnapshot } from './figureSnapshots';
import {
  deleteReportDefinition,
  listReportDefinitions,
  saveReportDefinition,
} from './reportDefinitions';
import { listFigureSnapshots } from '../reports/snapshots';
import { syncHandlers } from './sync';
import { cancelImport, importProgress, listImportRuns } from '../import/runs';
import { undoImport } from '../import/undo';

export type Handlers = {
  [M in Exclude<MethodName, HostMethodName>]: (
    args: ParsedArgs<M>,
  ) => CoreResult<M> | Promise<CoreResult<M>>;
};

/** Binds every contract method to the session; the type makes a missing handler a compile error. */
export function createHandlers(session: CoreSession): Handlers {
  return {
    vaultStatus: () => session.status(),
    createVault: (a) => session.createVault(a.folder, a.passphrase),
    unlockVault: (a) => session.unlockVault(a.folder, secretOf(a), a.readOnly),
    repairVault: (a) => session.repairVault(a.folder, secretOf(a)),
    lockVault: () => session.lock(),
    changePassphrase: (a) =>
      session.changePassphrase(secretOf(a), a.newPassphrase, { rotate: a.rotateKeys }),
    saveBackup: (a) => session.saveBackup(a.folder),
    restoreBackup: (a) => session.restoreBackup(a.source, a.folder, secretOf(a)),
    getSettings: () => session.userSettings(),
    updateSettings: (a) => session.updateUserSettings(a),
    createPerson: (a) => createPerson(session, a),
    listPersons: (a) => listPersons(session, a),
    countPersons: (a) => countPersons(session, a),
    getPerson: (a) => getPerson(session, a),
    updatePerson: (a) => updatePerson(session, a),
    getPersonFile: (a) => getPersonFile(session, a),
    getPersonSummary: (a) => getPersonSummary(session, a),
    findDuplicates: (a) => findDuplicates(session, a),
    createRecord: (a) =>
      createRecord(session, a.kind as RecordKind, a.fields as Record<string, unknown>),
    updateRecord: (a) =>
      updateRecord(
        session,
        a.kind as RecordKind,
        a.id as string,
        a.fields as Record<string, unknown>,
      ),
    deleteRecord: async (a) => {
      await deleteRecord(session, a.kind, a.id);
      return { id: a.id };
    },
    getRecord: (a) => getRecord(session, a.kind, a.id),
    listThesaurus: async (a) =>
      readRecords(
        (await session.readVault()).db,
        'thesaurusTerm',
        a.includeDeprecated ? 'thesaurus = ?' : 'thesaurus = ? AND deprecated = 0',
        [a.thesaurus],
        'sort, code',
      ) as MethodResult<'listThesaurus'>,
    getHistory: async (a) => recordHistory((await session.readVault()).db, a.kind, a.id),
    undoLastChange: async () => {
      const set = session.takeUndoable();
      if (set) await undoChangeSet(session, set);
      return { undone: set !== null };
    },
    auditStatus: () => session.auditState(),
    loadDemoData: (a) => loadDemoData(session, a.persons),
    // Import and export
    previewImport: (a) => previewImport(session, a),
    runImport: (a) => runImport(session, a),
    importProgress: () => importProgress(session),
    cancelImport: () => cancelImport(session),
    listImportRuns: () => listImportRuns(session),
    undoImport: (a) => undoImport(session, a.id),
    saveImportMapping: (a) => saveImportMapping(session, a),
    listImportMappings: () => listImportMappings(session),
    applyImportMapping: (a) => applyImportMapping(session, a),
    deleteImportMapping: async (a) => {
      await deleteImportMapping(session, a.id);
      return { id: a.id };
    },
    exportRecords: (a) => exportRecords(session, a),
    exportCaseFile: (a) => exportCaseFile(session, a),
    importCaseFile: (a) => importCaseFile(session, a),
    previewDisclosure: async (a) =>
      readDisclosed((await session.readVault()).db, a.personIds, a.audience).summary,
    // Figures
    figureInCustody: async (a) => figureInCustody((await session.readVault()).db, a),
    figureReleases: async (a) => figureReleases((await session.readVault()).db, a),
    figureAtRisk: async (a) => figureAtRisk((await session.readVault()).db, a),
    figureEarlyReleaseShare: async (a) =>
      figureEarlyReleaseShare((await session.readVault()).db, a),
    figureRearrests: async (a) => figureRearrests((await session.readVault()).db, a),
    figureBreakdown: async (a) => figureBreakdown((await session.readVault()).db, a),
    figureCustodySeries: async (a) => figureCustodySeries((await session.readVault()).db, a),
    figureCases: async (a) => figureCases((await session.readVault()).db, a),
    figureCaseOrder: (a) => figureCaseOrder(session, a),
    figurePivot: async (a) => figurePivot((await session.readVault()).db, a),
    savePivot: (a) => savePivot(session, a),
    listPivots: () => listPivots(session),
    deletePivot: async (a) => {
      await deletePivot(session, a.id);
      return { id: a.id };
    },
    // Reports
    saveReportDefinition: (a) => saveReportDefinition(session, a),
    listReportDefinitions: () => listReportDefinitions(session),
    deleteReportDefinition: async (a) => {
      await deleteReportDefinition(session, a.id);
      return { id: a.id };
    },
    listFigureSnapshots: async () => listFigureSnapshots((await session.readVault()).db),
    compareFigureSnapshot: (a) => compareFigureSnapshot(session, a.id),
    previewReport: (a) => previewReport(session, a, session.reportDeps()),
    saveReport: (a) => saveReport(session, a, session.reportDeps()),
    ...syncHandlers(session),
  };
}
