import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Settings } from '../../shared/settings.ts';
import { invoke } from '../api.ts';
import { setLanguage } from '../strings/t.ts';
import { shellKeys } from './investigation-actions.ts';

export const useSettings = () => useQuery({ queryKey: shellKeys.settings, queryFn: () => invoke('settings:get', {}) });

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme in force: the setting, or the system's choice for 'system' (followed live). */
export function useResolvedTheme(theme: Settings['theme'] | undefined): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  if (theme === 'light' || theme === 'dark') return theme;
  return systemDark ? 'dark' : 'light';
}

/** Applies the settings to the page at once: theme (CSS variables in app.css), reading font size, language. */
export function useApplySettings(settings: Settings | undefined): 'light' | 'dark' {
  const resolved = useResolvedTheme(settings?.theme);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
    if (settings) {
      root.style.setProperty('--reading-font-size', `${settings.readingFontSize}px`);
      setLanguage(settings.uiLanguage);
    }
  }, [resolved, settings]);
  return resolved;
}
