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
// Issue 17: help and version print without loading the service.
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
} else if (args.length === 1 && args[0] === '--help') {
  const { USAGE } = await import('../src/cli/usage.ts');
  console.log(USAGE);
} else {
  const bundle = new URL('../out/cli/index.mjs', import.meta.url);
  await import(existsSync(bundle) && !process.env.DOSSIER_CLI_SOURCE ? bundle.href : '../src/cli/index.ts');
}
