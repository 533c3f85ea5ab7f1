import { useState } from 'react';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  title: string;
  label: string;
  confirm: string;
  initial?: string;
  onConfirm(name: string): void;
  onCancel(): void;
}

/** Asks for a name (new investigation, rename). */
export function NameDialog({ title, label, confirm, initial = '', onConfirm, onCancel }: Props) {
  const [name, setName] = useState(initial);
  return (
    <Dialog title={title} onClose={onCancel}>
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onConfirm(name.trim());
        }}
      >
        <label>
          {label}
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder={t('start.newPlaceholder')} />
        </label>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
