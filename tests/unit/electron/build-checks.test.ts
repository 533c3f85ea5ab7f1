/**
 * What the build machines cannot catch without an Electron binary (DESIGN.md), checked over the
 * sources and the build output instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ensureBuilt } from '../../helpers/build.ts';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const PRELOAD = path.join(ROOT, 'out/preload/index.cjs');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.cjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

describe('the built preload', () => {
  it(
    'is one CommonJS file whose only require is electron (a sandboxed preload cannot load ES modules)',
    { timeout: 200_000 },
    () => {
      ensureBuilt();
      const source = parse(PRELOAD);
      const imports: string[] = [];
      const requires: string[] = [];
      walk(source, (node) => {
        if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node))
          imports.push(node.getText());
        if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) imports.push(node.getText());
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
          const [arg] = node.arguments;
          requires.push(arg && ts.isStringLiteral(arg) ? arg.text : node.getText());
        }
      });
      expect(imports).toEqual([]);
      expect(new Set(requires)).toEqual(new Set(['electron']));
      expect(readdirSync(path.dirname(PRELOAD))).toEqual(['index.cjs']);
    },
  );
});

describe('the production dependency tree', () => {
  /** Resolves a package the way Node does: nested node_modules first, then each parent's. */
  function resolvePackage(name: string, fromDir: string): string | null {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (dir === ROOT || dir === path.dirname(dir)) return null;
    }
  }

  function productionTree(): string[] {
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const seen = new Set<string>();
    const queue: [string, string][] = Object.keys(root.dependencies).map((name) => [name, ROOT]);
    while (queue.length) {
      const [name, from] = queue.shift()!;
      const dir = resolvePackage(name, from);
      if (!dir) continue; // an optional dependency for another platform
      const real = dir;
      if (seen.has(real)) continue;
      seen.add(real);
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push([dep, dir]);
    }
    return [...seen];
  }

  it('holds no native addon (binding.gyp or .node file) in any production package', () => {
    const packages = productionTree();
    const natives: string[] = [];
    for (const dir of packages) {
      const stack = [dir];
      while (stack.length) {
        const current = stack.pop()!;
        for (const entry of readdirSync(current, { withFileTypes: true })) {
          if (entry.name === 'node_modules') continue; // nested packages are walked as packages of their own
          const full = path.join(current, entry.name);
          if (entry.isDirectory()) stack.push(full);
          else if (entry.name === 'binding.gyp' || entry.name.endsWith('.node')) natives.push(path.relative(ROOT, full));
        }
      }
    }
    // Packages electron-builder.yml leaves out of the app (`!node_modules/<scope>/**`) do not ship.
    const builder = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    const excluded = [...builder.matchAll(/^\s*-\s*'!node_modules\/(\S+?)\/\*\*'/gm)].map((m) => `node_modules/${m[1]}/`);
    const shipped = natives.filter((file) => !excluded.some((prefix) => file.startsWith(prefix)));
    console.log(
      `native-addon check: ${packages.length} production packages walked; ${natives.length} native file(s) found, ${natives.length - shipped.length} of them in packages excluded from the app: ${natives.join(', ') || 'none'}`,
    );
    expect(packages.length).toBeGreaterThan(20);
    expect(shipped).toEqual([]);
  });
});

describe('the Electron entry', () => {
  const index = parse(path.join(ROOT, 'src/main/index.ts'));
  const callName = (node: ts.Node): string | null => {
    if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return null;
    return node.expression.expression.getText();
  };

  it('registers the app scheme as privileged at top level, before anything waits for ready', () => {
    const statements = [...index.statements];
    const register = statements.findIndex((s) => callName(s) === 'registerAppScheme');
    expect(register).toBeGreaterThanOrEqual(0);
    const firstReady = statements.findIndex((s) => /whenReady|\bon\(\s*'ready'/.test(s.getText()));
    expect(firstReady).toBeGreaterThan(register);
    const protocolSource = readFileSync(path.join(ROOT, 'src/main/electron/protocol.ts'), 'utf8');
    expect(protocolSource).toMatch(
      /registerSchemesAsPrivileged\(\[\s*\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/,
    );
  });

  it('loads the window from the app scheme, never file:// or a remote URL outside development', () => {
    const window = readFileSync(path.join(ROOT, 'src/main/electron/window.ts'), 'utf8');
    expect(window).toContain('loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`)');
    expect(window).not.toMatch(/loadFile|file:\/\//);
    // Electronegativity cannot follow this call (security/electronegativity-allowlist.json): the settings are used unmodified.
    expect(window).toContain('webPreferences: webPreferencesFor(options.preloadPath),');
    const source = index.getFullText();
    expect(source).toMatch(/const devServerUrl = app\.isPackaged \? undefined : process\.env\.ELECTRON_RENDERER_URL;/);
    expect(source).not.toMatch(/loadFile|file:\/\/|https?:\/\//);
    expect(source).toContain('app.enableSandbox()');
  });
});
