import { useEffect, useRef, type ReactNode } from 'react';
import { t } from './strings/t.ts';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  /** More of what will be affected, below the message (issue 14: the reports quoting a deleted document). */
  details?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a destructive action, saying exactly what will be lost. */
export function ConfirmDialog({ title, message, confirmLabel, details, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="backdrop" onMouseDown={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={title}
        aria-describedby="confirm-message"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2>{title}</h2>
        <div id="confirm-message">
          <p>{message}</p>
          {details}
        </div>
        <div className="actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
