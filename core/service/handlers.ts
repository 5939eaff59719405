import type { MethodName, MethodResult, ParsedArgs } from '../api/contract';
import type { CoreSession } from './session';

export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** Binds every contract method to the session; the type makes a missing handler a compile error. */
export function createHandlers(session: CoreSession): Handlers {
  return {
    vaultStatus: () => session.status(),
    createVault: (args) => session.createVault(args),
    unlockVault: (args) => session.unlockVault(args),
    lockVault: () => session.lock(),
    createPerson: (args) => session.createPerson(args),
    listPersons: (args) => session.listPersons(args),
    getPerson: (args) => session.getPerson(args),
    updatePerson: (args) => session.updatePerson(args),
  };
}
