import { useState } from 'react';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  title: string;
  label: string;
  confirm: string;
  initial?: string;
  /** Issue 20: offer to lock the new investigation with a passphrase from the start. */
  offerLock?: boolean;
  onConfirm(name: string, passphrase?: string): void;
  onCancel(): void;
}

/** Asks for a name (new investigation, rename). */
export function NameDialog({ title, label, confirm, initial = '', offerLock = false, onConfirm, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [lock, setLock] = useState(false);
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const ready = name.trim() && (!lock || (first && first === again));
  return (
    <Dialog title={title} onClose={onCancel}>
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onConfirm(name.trim(), lock ? first : undefined);
        }}
      >
        <label>
          {label}
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder={t('start.newPlaceholder')} />
        </label>
        {offerLock && (
          <label className="inline">
            <input type="checkbox" checked={lock} onChange={(e) => setLock(e.target.checked)} />
            {t('lock.atCreation')}
          </label>
        )}
        {lock && (
          <>
            <label>
              {t('lock.newPassphrase')}
              <input
                type="password"
                value={first}
                maxLength={1024}
                autoComplete="new-password"
                onChange={(e) => setFirst(e.target.value)}
              />
            </label>
            <label>
              {t('lock.repeatPassphrase')}
              <input
                type="password"
                value={again}
                maxLength={1024}
                autoComplete="new-password"
                onChange={(e) => setAgain(e.target.value)}
              />
            </label>
            {again && again !== first && <p className="error">{t('lock.mismatch')}</p>}
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
