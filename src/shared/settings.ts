/**
 * User settings (issue 8): one zod schema is the type, the validation and the defaults. Pure
 * TypeScript so the renderer can show the same limits and defaults as main enforces.
 */
import { z } from 'zod';
import { RESEARCHER_NAME_MAX } from './custody.ts';

export const THEMES = ['light', 'dark', 'system'] as const;
export const CITATION_STYLES = ['footnote', 'author-date'] as const;
export const UI_LANGUAGES = ['en'] as const;
export const FONT_SIZE = { min: 12, max: 28 } as const;
export const IMPORT_LIMIT_MB = { min: 1, max: 2048 } as const;

export const redactionSchema = z
  .object({
    emails: z.boolean(),
    phones: z.boolean(),
    terms: z.array(z.string().min(1).max(200)).max(1000),
  })
  .strict();

export const LOCK_IDLE_MINUTES = { min: 0, max: 1440 };

/** Every key has a default, so a missing file, a missing key or a bad value never stops the app. */
export const settingsSchema = z
  .object({
    theme: z.enum(THEMES).default('system'),
    readingFontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max).default(16),
    citationStyle: z.enum(CITATION_STYLES).default('footnote'),
    redaction: redactionSchema.default({ emails: true, phones: true, terms: [] }),
    importLimitMb: z.number().int().min(IMPORT_LIMIT_MB.min).max(IMPORT_LIMIT_MB.max).default(200),
    uiLanguage: z.enum(UI_LANGUAGES).default('en'),
    /** Issue 19: written into every custody entry; empty means not set. */
    researcherName: z.string().max(RESEARCHER_NAME_MAX).default(''),
    /** Issue 20: a locked investigation closes (its key dropped) after this many idle minutes; 0: never. */
    lockIdleMinutes: z.number().int().min(LOCK_IDLE_MINUTES.min).max(LOCK_IDLE_MINUTES.max).default(15),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;

/** A partial update: any subset of keys; `redaction` may itself be partial. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    readingFontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max).optional(),
    citationStyle: z.enum(CITATION_STYLES).optional(),
    redaction: redactionSchema.partial().strict().optional(),
    importLimitMb: z.number().int().min(IMPORT_LIMIT_MB.min).max(IMPORT_LIMIT_MB.max).optional(),
    uiLanguage: z.enum(UI_LANGUAGES).optional(),
    researcherName: z.string().max(RESEARCHER_NAME_MAX).optional(),
    lockIdleMinutes: z.number().int().min(LOCK_IDLE_MINUTES.min).max(LOCK_IDLE_MINUTES.max).optional(),
  })
  .strict();

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** What `settings:get` and `settings:update` return: the settings in force and why some were not taken. */
export interface SettingsView {
  settings: Settings;
  /** Keys of the stored file that were invalid and replaced by their defaults, each with a sentence. */
  problems: string[];
}
