/**
 * `npm run build:cli` (also the end of `npm run build`): bundles the CLI and its three worker entries
 * into out/cli/ with esbuild (issue 17: `dossier search` under 700 ms with process start). Node then
 * reads three files instead of stripping the types of ~300 modules; npm packages stay outside the
 * bundle and load from node_modules as before. bin/dossier.js runs the bundle when it exists
 * (DOSSIER_CLI_SOURCE=1 runs the sources, as development and the tests do).
 *
 * Every module keeps its own `import.meta.url` (the source file's URL), so paths it resolves
 * relative to itself (resources/, package.json, lunr-languages) are the same as in the source run;
 * import.meta.resolve of a package name finds the same node_modules from out/cli/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'src/cli/bundled.ts');

const sourceUrls: Plugin = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      // The entry alone keeps the bundle's own URL: it names the bundled workers beside it.
      if (args.path === entry) return { contents: text, loader: 'ts' };
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const dirname = JSON.stringify(path.dirname(args.path));
      return {
        contents: text.replaceAll('import.meta.url', url).replaceAll('import.meta.dirname', dirname),
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: {
    index: entry,
    'search-worker': path.join(root, 'src/main/search/search-worker.ts'),
    'parse-worker': path.join(root, 'src/main/importers/parse-worker.ts'),
    'entity-worker': path.join(root, 'src/main/entities/entity-worker.ts'),
  },
  outdir: path.join(root, 'out/cli'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  packages: 'external',
  plugins: [sourceUrls],
  logLevel: 'warning',
});
