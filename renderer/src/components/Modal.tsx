import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** Extra class for the dialog's size. */
  className?: string;
  children: ReactNode;
}

/**
 * A modal <dialog>, mounted only while open: it traps the focus, makes the page behind it inert
 * and gives the focus back on close; Escape closes it through the parent's state.
 */
export function Modal({ title, closeLabel, onClose, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog wide-dialog ${className}` : 'dialog wide-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    </dialog>
  );
}
