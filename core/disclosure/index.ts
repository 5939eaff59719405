/**
 * The one disclosure policy: every output (reports, CSV/XLSX export, later sync bundles) reads
 * persons, their records and sources through it. Who the output is for (`Audience`) decides
 * which cases leave the vault and under which name, when the data is read, never later.
 */
export { pseudonymCode, pseudonymCodes } from './pseudonym';
export { readDisclosed, type Disclosed, type DisclosedPerson } from './persons';
export { redactLinked, type LinkedKind } from './linked';
export { discloseSources, type DisclosedSources } from './sources';
