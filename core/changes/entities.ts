/**
 * The allowlist of what a change record may touch: entity -> table, field -> column. Change
 * records name entities and fields; SQL identifiers come only from this table, never from input.
 */
export const ENTITIES = {
  person: {
    table: 'persons',
    fields: {
      name: 'name',
      nameLatin: 'name_latin',
      birthDate: 'birth_date',
      citizenship: 'citizenship',
      notes: 'notes',
      createdAt: 'created_at',
      deleted: 'deleted',
    },
  },
} as const;

export type EntityName = keyof typeof ENTITIES;
export type FieldName<E extends EntityName> = keyof (typeof ENTITIES)[E]['fields'];

export function columnFor(entity: string, field: string): { table: string; column: string } | null {
  if (!Object.prototype.hasOwnProperty.call(ENTITIES, entity)) return null;
  const spec = ENTITIES[entity as EntityName];
  if (!Object.prototype.hasOwnProperty.call(spec.fields, field)) return null;
  return { table: spec.table, column: spec.fields[field as keyof typeof spec.fields] };
}
