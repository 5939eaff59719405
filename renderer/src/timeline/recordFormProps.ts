/** What the timeline gives each record form. */
export interface RecordFormProps<R> {
  personId: string;
  /** The record being edited, or null to add one. */
  record: R | null;
  onSaved: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}
