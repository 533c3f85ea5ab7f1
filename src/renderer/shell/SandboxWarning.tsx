import { useQuery } from '@tanstack/react-query';
import { invoke } from '../api.ts';
import { t } from '../strings/t.ts';
import { shellKeys } from './investigation-actions.ts';

/**
 * Issue 12: a launch without Chromium's OS sandbox (--no-sandbox, e.g. an AppImage launcher's
 * fallback) is told to the user in the window, with what to do: a hostile document that escaped
 * the page would otherwise reach their files with nobody knowing.
 */
export function SandboxWarning() {
  const info = useQuery({ queryKey: shellKeys.info, queryFn: () => invoke('app:info', {}) });
  if (info.data?.osSandbox !== false) return null;
  return (
    <div className="sandbox-warning" role="alert">
      <strong>{t('sandbox.title')}</strong> {t('sandbox.text')}
    </div>
  );
}
