/**
 * Named steps of a schema migration, as core/vault/fsSteps.ts names the file-system steps: a
 * test can fail a migration exactly there. Without a hook it is one null check.
 */
export type MigrationStep = 'sql' | 'after' | 'version';

export type MigrationStepHook = (version: number, step: MigrationStep) => void;

let hook: MigrationStepHook | null = null;

/** For tests only: the app never sets a hook. */
export function setMigrationStepHook(next: MigrationStepHook | null): void {
  hook = next;
}

/** Called right before `step` of the migration that brings `version`. */
export function migrationStep(version: number, step: MigrationStep): void {
  if (hook) hook(version, step);
}
