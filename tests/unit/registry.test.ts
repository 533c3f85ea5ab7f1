import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegistry, REGISTRY_FILE } from '../../src/main/investigations/registry.ts';
import { tempDir } from '../helpers/temp-workspace.ts';

describe('investigation registry', () => {
  let cleanup = () => undefined as void;
  afterEach(() => cleanup());
  const fresh = () => {
    const t = tempDir();
    cleanup = t.cleanup;
    return t.dir;
  };

  it('adds, lists most recent first, renames, forgets, and survives a restart', () => {
    const dir = fresh();
    const registry = openRegistry(dir);
    const a = registry.add({ name: 'Camps', path: path.join(dir, 'a') });
    const b = registry.add({ name: 'Border', path: path.join(dir, 'b') });
    expect(registry.add({ name: 'again', path: path.join(dir, 'a', '.') }).id).toBe(a.id);
    registry.update(a.id, { lastOpenedAt: '2030-01-01T00:00:00.000Z' });
    registry.update(b.id, { name: 'Border crossings' });
    const again = openRegistry(dir);
    expect(again.list().map((e) => e.name)).toEqual(['Camps', 'Border crossings']);
    expect(again.last()?.id).toBe(a.id);
    expect(again.remove(a.id)).toBe(true);
    expect(openRegistry(dir).list().map((e) => e.id)).toEqual([b.id]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('sets a damaged file aside and starts empty with a sentence', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, REGISTRY_FILE), '{"version":1,"investigations":[{"id":');
    const registry = openRegistry(dir);
    expect(registry.list()).toEqual([]);
    expect(registry.problem).toMatch(/damaged and has been set aside/);
    expect(readdirSync(dir).some((n) => n.startsWith(`${REGISTRY_FILE}.corrupt-`))).toBe(true);
  });
});
