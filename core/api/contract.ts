import { z } from 'zod';
import {
  Id,
  Passphrase,
  Person,
  PersonCreate,
  PersonFields,
  PersonSummary,
  VaultStatus,
} from './schemas';

interface MethodSpec<A extends z.ZodType, R extends z.ZodType> {
  args: A;
  result: R;
}

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result };
}

const NoArgs = z.object({}).strict();

/**
 * The one API surface of Vigil. Electron's main process, its preload, the browser host and the
 * renderer all derive their bridges from this object; a method that is not here cannot be called.
 */
export const contract = {
  vaultStatus: method(NoArgs, VaultStatus),
  createVault: method(
    z.object({ folder: z.string().trim().min(1).max(4096), passphrase: Passphrase }).strict(),
    VaultStatus,
  ),
  unlockVault: method(
    z.object({ folder: z.string().trim().min(1).max(4096), passphrase: Passphrase }).strict(),
    VaultStatus,
  ),
  lockVault: method(NoArgs, VaultStatus),
  createPerson: method(PersonCreate.strict(), Person),
  listPersons: method(
    z
      .object({
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(PersonSummary), total: z.number().int() }),
  ),
  getPerson: method(z.object({ id: Id }).strict(), Person),
  updatePerson: method(
    z.object({ id: Id, changes: PersonFields.partial().strict() }).strict(),
    Person,
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
