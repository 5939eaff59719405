import type { MethodName, MethodResult, ParsedArgs } from '../api/contract';
import { createPerson, getPerson, listPersons, updatePerson } from './persons';
import { secretOf, type CoreSession } from './session';

export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** Binds every contract method to the session; the type makes a missing handler a compile error. */
export function createHandlers(session: CoreSession): Handlers {
  return {
    vaultStatus: () => session.status(),
    createVault: (a) => session.createVault(a.folder, a.passphrase),
    unlockVault: (a) => session.unlockVault(a.folder, secretOf(a), a.readOnly),
    repairVault: (a) => session.repairVault(a.folder, secretOf(a)),
    lockVault: () => session.lock(),
    changePassphrase: (a) => session.changePassphrase(secretOf(a), a.newPassphrase),
    saveBackup: (a) => session.saveBackup(a.folder),
    restoreBackup: (a) => session.restoreBackup(a.source, a.folder, secretOf(a)),
    getSettings: () => session.userSettings(),
    updateSettings: (a) => session.updateUserSettings(a),
    createPerson: (a) => createPerson(session, a),
    listPersons: (a) => listPersons(session, a),
    getPerson: (a) => getPerson(session, a),
    updatePerson: (a) => updatePerson(session, a),
  };
}
