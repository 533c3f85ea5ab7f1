import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSettings, SETTINGS_FILE } from '../../src/main/settings/settings-store.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { tempDir } from '../helpers/temp-workspace.ts';

describe('settings', () => {
  let cleanup = () => undefined as void;
  afterEach(() => cleanup());
  const fresh = () => {
    const t = tempDir();
    cleanup = t.cleanup;
    return t.dir;
  };

  it('starts with defaults that need no change and writes nothing until changed', () => {
    const dir = fresh();
    const store = openSettings(dir);
    expect(store.get()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(DEFAULT_SETTINGS).toEqual({
      theme: 'system',
      readingFontSize: 16,
      citationStyle: 'footnote',
      redaction: { emails: true, phones: true, terms: [] },
      importLimitMb: 200,
      uiLanguage: 'en',
      researcherName: '',
      lockIdleMinutes: 15,
    });
    expect(store.maxFileBytes()).toBe(200 * 1024 * 1024);
    expect(existsSync(path.join(dir, SETTINGS_FILE))).toBe(false);
  });

  it('applies a partial update, keeps it across restarts and leaves no temporary file', () => {
    const dir = fresh();
    const store = openSettings(dir);
    const view = store.update({ theme: 'dark', redaction: { terms: ['Ilham'] }, importLimitMb: 5 });
    expect(view.settings).toMatchObject({ theme: 'dark', readingFontSize: 16, redaction: { emails: true, phones: true, terms: ['Ilham'] } });
    expect(store.maxFileBytes()).toBe(5 * 1024 * 1024);
    expect(openSettings(dir).get().settings).toEqual(view.settings);
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('refuses an invalid update with a sentence and keeps what was stored', () => {
    const dir = fresh();
    const store = openSettings(dir);
    store.update({ readingFontSize: 20 });
    expect(() => store.update({ readingFontSize: 99 })).toThrow(/readingFontSize/);
    expect(() => store.update({ theme: 'neon' })).toThrow(/not changed/);
    expect(() => store.update({ colour: 'red' })).toThrow();
    expect(openSettings(dir).get().settings.readingFontSize).toBe(20);
  });

  it('falls back to defaults for a corrupt file or bad keys, reports them, and never throws', () => {
    const dir = fresh();
    const file = path.join(dir, SETTINGS_FILE);
    writeFileSync(file, '{ not json');
    const corrupt = openSettings(dir).get();
    expect(corrupt.settings).toEqual(DEFAULT_SETTINGS);
    expect(corrupt.problems[0]).toMatch(/not valid JSON/);

    writeFileSync(file, JSON.stringify({ theme: 'dark', readingFontSize: 'huge', citationStyle: 'chicago', mystery: 1 }));
    const partial = openSettings(dir).get();
    expect(partial.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(partial.problems).toEqual([
      expect.stringContaining('"readingFontSize"'),
      expect.stringContaining('"citationStyle"'),
      expect.stringContaining('"mystery"'),
    ]);

    writeFileSync(file, '[1,2]');
    expect(openSettings(dir).get().settings).toEqual(DEFAULT_SETTINGS);
    // A later update repairs the file.
    openSettings(dir).update({ theme: 'light' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });
});
