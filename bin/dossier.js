#!/usr/bin/env node
// The CLI runs its TypeScript sources directly: Node 24 strips types (DESIGN.md: the `node`
// devDependency gives Node 24 to npm scripts and npx).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`Dossier's CLI needs Node 24 or newer (this is ${process.version}). Run it as "npx dossier" inside the project.`);
  process.exit(2);
}
await import('../src/cli/index.ts');
