import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';

/**
 * "Lock this investigation…" (issue 20): a passphrase typed twice, then the recovery key, shown
 * once as twelve words to write down. The conversion removes the plain copy, caches and backups.
 */
export function LockDialog({ name, onClose }: { name: string; onClose(): void }) {
  const client = useQueryClient();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const mismatch = again.length > 0 && again !== first;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('investigations:lock', { passphrase: first });
      setRecoveryKey(result.recoveryKey);
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : t('app.genericError'));
    } finally {
      setFirst('');
      setAgain('');
      setBusy(false);
      void client.invalidateQueries({ queryKey: ['shell'] });
    }
  };

  if (recoveryKey) return <RecoveryKeyDialog recoveryKey={recoveryKey} onDone={() => (setRecoveryKey(null), onClose())} />;

  return (
    <Dialog title={t('lock.lockTitle', { name })} onClose={onClose}>
      <form
        className="form-stack"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          if (first && first === again && !busy) void submit();
        }}
      >
        <p>{t('lock.lockText')}</p>
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
        {mismatch && <p className="error">{t('lock.mismatch')}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!first || first !== again || busy}>
            {busy ? t('lock.locking') : t('lock.lock')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The recovery key, shown once as twelve numbered words; closes only by saying it was written down. */
export function RecoveryKeyDialog({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  return (
    <Dialog title={t('lock.recoveryTitle')} onClose={() => undefined}>
      <div className="form-stack">
        <p>{t('lock.recoveryText')}</p>
        <ol className="recovery-words" aria-label={t('lock.recoveryLabel')}>
          {recoveryKey.split(' ').map((word, i) => (
            <li key={i}>{word}</li>
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="primary" data-autofocus onClick={onDone}>
            {t('lock.wroteItDown')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
