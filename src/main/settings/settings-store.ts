import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
  type SettingsView,
} from '../../shared/settings.ts';
import { DossierError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../app/atomic-file.ts';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): SettingsView;
  /** Validates a partial update, stores it atomically and returns the settings now in force. */
  update(patch: unknown): SettingsView;
  /** The import size limit in bytes, for ServiceDeps. */
  maxFileBytes(): number;
}

/**
 * Per-user settings as JSON in the user-data folder. A missing file means defaults; a corrupt
 * file or a bad key falls back to the default for what is bad, keeps what is good, and says so
 * in `problems`: the app never fails to start over settings.
 */
export function openSettings(userDataDir: string): SettingsStore {
  const file = path.join(userDataDir, SETTINGS_FILE);
  let current = loadSettings(file);

  return {
    get: () => ({ settings: structuredClone(current.settings), problems: [...current.problems] }),
    update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new DossierError('BAD_INPUT', `That setting was not changed (${where}${issue?.message ?? 'invalid value'}).`);
      }
      const next = mergeSettings(current.settings, parsed.data);
      writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
      current = { settings: next, problems: [] };
      return { settings: structuredClone(next), problems: [] };
    },
    maxFileBytes: () => current.settings.importLimitMb * 1024 * 1024,
  };
}

export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const { redaction, ...rest } = patch;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return settingsSchema.parse({ ...base, ...defined, redaction: { ...base.redaction, ...stripUndefined(redaction ?? {}) } });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Reads the file key by key, so one bad value costs only that value. */
export function loadSettings(file: string): SettingsView {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { settings: structuredClone(DEFAULT_SETTINGS), problems: [] };
    return { settings: structuredClone(DEFAULT_SETTINGS), problems: [`${file} could not be read; the default settings are used.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { settings: structuredClone(DEFAULT_SETTINGS), problems: [`${file} is not valid JSON; the default settings are used.`] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), problems: [`${file} does not hold settings; the default settings are used.`] };
  }
  const problems: string[] = [];
  const kept: Record<string, unknown> = {};
  const shape = settingsSchema.shape;
  for (const [key, value] of Object.entries(data)) {
    if (!Object.hasOwn(shape, key)) {
      problems.push(`"${key}" is not a setting Dossier knows; it was ignored.`);
      continue;
    }
    const field = shape[key as keyof typeof shape];
    const parsed = field.safeParse(value);
    if (parsed.success) kept[key] = parsed.data;
    else problems.push(`"${key}" had an invalid value in ${path.basename(file)}; its default is used.`);
  }
  return { settings: settingsSchema.parse(kept), problems };
}
