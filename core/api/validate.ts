import { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedArgs } from './contract';
import { ApiError } from './errors';

export interface ValidCall<M extends MethodName = MethodName> {
  method: M;
  args: ParsedArgs<M>;
}

/**
 * Checks a call from an untrusted side (a renderer) against the contract. Throws ApiError with
 * UNKNOWN_METHOD or INVALID_INPUT; the message names the offending field, never its value.
 */
export function validateCall(method: unknown, args: unknown): ValidCall {
  if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', 'No such method');
  const parsed = contract[method].args.safeParse(args);
  if (!parsed.success) throw new ApiError('INVALID_INPUT', describeIssues(parsed.error));
  return { method, args: parsed.data } as ValidCall;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
    .join('; ');
}
