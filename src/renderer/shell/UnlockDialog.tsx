import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { Dialog } from './Dialog.tsx';

/**
 * Opens a locked investigation (issue 20): its passphrase, or its 12-word recovery key. A wrong one
 * is the service's sentence, shown in the dialog; nothing of the investigation is shown before.
 */
export function UnlockDialog({ info, onClose }: { info: InvestigationInfo; onClose(): void }) {
  const client = useQueryClient();
  const [recovery, setRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [remember, setRemember] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('investigations:unlock', {
        id: info.id,
        ...(recovery ? { recoveryKey: secret } : { passphrase: secret }),
        ...(remember ? { remember } : {}),
      });
      onClose();
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : t('app.genericError'));
    } finally {
      setSecret('');
      setBusy(false);
      void client.invalidateQueries({ queryKey: ['shell'] });
    }
  };

  return (
    <Dialog title={t('lock.unlockTitle', { name: info.name })} onClose={onClose}>
      <form
        className="form-stack"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          if (secret && !busy) void submit();
        }}
      >
        <p>{t('lock.unlockText')}</p>
        <label>
          {recovery ? t('lock.recoveryLabel') : t('lock.passphraseLabel')}
          {recovery ? (
            <textarea
              value={secret}
              rows={3}
              maxLength={400}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setSecret(e.target.value)}
            />
          ) : (
            <input
              type="password"
              value={secret}
              maxLength={1024}
              autoComplete="current-password"
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t('lock.remember')}
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="link" onClick={() => (setRecovery(!recovery), setSecret(''), setError(null))}>
          {recovery ? t('lock.usePassphrase') : t('lock.useRecovery')}
        </button>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!secret || busy}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
