import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/strings/en.ts';
import { t, tn } from '../../src/renderer/strings/t.ts';

const RENDERER = join(import.meta.dirname, '../../src/renderer');
const ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-placeholder']);

/**
 * Literal text that is not language, so it needs no translation. Each entry says why.
 * Anything else with a letter in it belongs in src/renderer/strings/en.ts.
 */
const ALLOWED = new Set<string>([
  // Symbols with no letter ("×", "↑", "?", "⚙") are never flagged; these contain a letter but are not language:
  '⌘K', // the command palette button: a key combination, the same in every language (App.tsx)
]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** JSX text and string-literal aria-label/title/placeholder values that contain a letter. */
function literalStrings(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (/\p{L}/u.test(trimmed) && !ALLOWED.has(trimmed)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(RENDERER, path)}:${line + 1}: ${JSON.stringify(trimmed)}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(value, value.text);
      if (ts.isJsxExpression(value) && value.expression) {
        const inner = value.expression;
        if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) report(inner, inner.text);
        if (ts.isTemplateExpression(inner)) report(inner, [inner.head.text, ...inner.templateSpans.map((s) => s.literal.text)].join(' '));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI strings live in src/renderer/strings', () => {
  it('no component holds literal text, labels, titles or placeholders', () => {
    const found = tsxFiles(RENDERER).flatMap(literalStrings);
    expect(found, `Move these into src/renderer/strings/en.ts and use t():\n${found.join('\n')}`).toEqual([]);
  });

  it('fills placeholders and chooses plural forms', () => {
    expect(t('inv.menu', { name: 'Camps' })).toBe('Investigation: Camps');
    expect(tn('library.count', 1)).toBe('1 document');
    expect(tn('library.count', 3)).toBe('3 documents');
    expect(tn('library.count', 0)).toBe('0 documents');
  });

  it('every plural key has both forms', () => {
    const keys = Object.keys(en);
    for (const key of keys.filter((k) => k.endsWith('.one'))) expect(keys).toContain(key.replace(/\.one$/, '.other'));
    for (const key of keys.filter((k) => k.endsWith('.other'))) expect(keys).toContain(key.replace(/\.other$/, '.one'));
  });
});
