/**
 * A modal dialog (the platform's <dialog>, opened with showModal: focus moves into it and stays
 * there, Escape cancels, the rest of the window is inert), with a title, its content and two
 * buttons. Used to confirm what cannot be undone and to name a finalised version.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import './Dialog.css';

type Props = {
  title: string;
  children: ReactNode;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A destructive action (its button says so). */
  danger?: boolean;
  busy?: boolean;
  testId?: string;
};

export function Dialog({ title, children, confirm, cancel, onConfirm, onCancel, danger, busy, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel} data-testid={testId ? `${testId}-cancel` : undefined}>
            {cancel}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
