import fc from 'fast-check';

/**
 * Every property prints `{ seed: S, path: "P" }` when it fails. To replay that failure, run the
 * failing test alone with `FC_SEED=S` (and `FC_PATH=P` to start from the shrunk counterexample):
 * `FC_SEED=S npx vitest run tests/unit/x.test.ts -t 'name'`. Without FC_SEED each property
 * draws a fresh seed.
 */
const seed = process.env['FC_SEED'];
const path = process.env['FC_PATH'];
if (seed !== undefined) {
  fc.configureGlobal({ seed: Number(seed), ...(path === undefined ? {} : { path }) });
}
