import { createContext, useContext } from 'react';
import { t } from './strings/t.ts';

export interface Notice {
  text: string;
  error?: boolean;
}

/** Shows a sentence in the status bar; every error reaches the user this way, never as a stack. */
export const NoticeContext = createContext<(notice: Notice) => void>(() => undefined);

export const useNotify = () => useContext(NoticeContext);

/** Runs an action and reports its failure as the sentence main wrote for it. */
export function useRun(): <T>(action: () => Promise<T>) => Promise<T | undefined> {
  const notify = useNotify();
  return async (action) => {
    try {
      return await action();
    } catch (e) {
      notify({ text: e instanceof Error && e.message ? e.message : t('app.genericError'), error: true });
      return undefined;
    }
  };
}
