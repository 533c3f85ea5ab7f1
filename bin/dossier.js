#!/usr/bin/env node
// The CLI runs its TypeScript sources directly: Node 24 strips types (DESIGN.md: the `node`
// devDependency gives Node 24 to npm scripts and npx). `npm run build` also bundles it into
// out/cli/ (scripts/build-cli.ts), which starts faster; DOSSIER_CLI_SOURCE=1 runs the sources.
import { existsSync, readFileSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Dossier's CLI needs Node 24 or newer (this is ${process.version}). Run it as "npx dossier" inside the project.`);
  process.exit(2);
}
// Issue 17: help and version print without loading the service (help from the bundle's usage.mjs
// when it is built: importing a .ts file starts Node's type stripping, ~50 ms).
const args = process.argv.slice(2);
const bundled = existsSync(new URL('../out/cli/index.mjs', import.meta.url)) && !process.env.DOSSIER_CLI_SOURCE;
if (args.length === 1 && args[0] === '--version') {
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else if (args.length === 1 && args[0] === '--help') {
  const usage = new URL('../out/cli/usage.mjs', import.meta.url);
  const { USAGE } = await import(bundled && existsSync(usage) ? usage.href : '../src/cli/usage.ts');
  console.log(USAGE);
} else {
  await import(bundled ? '../out/cli/index.mjs' : '../src/cli/index.ts');
}
