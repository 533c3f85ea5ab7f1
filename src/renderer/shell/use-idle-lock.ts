import { useEffect } from 'react';
import type { InvestigationInfo } from '../../shared/investigations.ts';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Issue 20: a locked investigation left idle is closed, which drops its key and its decrypted
 * store in the main process. Idle means no pointer, key or wheel event in this window.
 */
export function useIdleLock(
  investigation: InvestigationInfo | null,
  minutes: number,
  lock: (info: InvestigationInfo) => void,
): void {
  useEffect(() => {
    if (!investigation?.locked || minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => lock(investigation), minutes * 60_000);
    };
    restart();
    for (const event of ACTIVITY) window.addEventListener(event, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart);
    };
  }, [investigation, minutes, lock]);
}
