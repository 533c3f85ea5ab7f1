/**
 * Electronegativity over src (issue 7): its SARIF is parsed and any HIGH or MEDIUM finding fails
 * the build unless security/electronegativity-allowlist.json lists it with a reason. An entry
 * names the rule, the file and the text of the flagged line, so any edit of that line asks for a
 * new review. Run: `npm run security:electronegativity`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
// `--input DIR --allowlist FILE --sarif FILE` let the test run it over hostile fixtures.
const { values: args } = parseArgs({
  options: { input: { type: 'string' }, allowlist: { type: 'string' }, sarif: { type: 'string' } },
});
const SOURCES = path.resolve(args.input ?? path.join(ROOT, 'src'));
const SARIF_FILE = path.resolve(args.sarif ?? path.join(ROOT, 'test-results/electronegativity.sarif'));
const ALLOWLIST_FILE = path.resolve(args.allowlist ?? path.join(ROOT, 'security/electronegativity-allowlist.json'));
const FAILING = new Set(['HIGH', 'MEDIUM', 'CRITICAL']);

interface AllowEntry {
  rule: string;
  file: string;
  line: string;
  reason: string;
}
interface Issue {
  id: string;
  file: string;
  location?: { line?: number; column?: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  properties?: Record<string, unknown>;
}
interface Sarif {
  runs: { results: SarifResult[] }[];
}

const require = createRequire(path.join(ROOT, 'node_modules/@doyensec/electronegativity/package.json'));

// The build is offline: Electronegativity fetches translations and Electron's release list with
// `got`; answer those calls with a failure at once (it falls back to its bundled data) instead of
// waiting on the network or crashing later on got's retry timer.
const offline = Object.assign(() => Promise.reject(new Error('offline build')), {
  head: () => Promise.reject(new Error('offline build')),
});
const gotPath = require.resolve('got');
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;

const run = require('./dist/runner.js') as (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
const electronVersion = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.electron;

mkdirSync(path.dirname(SARIF_FILE), { recursive: true });
rmSync(SARIF_FILE, { force: true });
const silenced = console.log;
console.log = () => undefined; // its "could not retrieve translations" chatter
const result = await run({
  input: SOURCES,
  output: SARIF_FILE,
  isSarif: true,
  isRelative: true,
  electronVersionOverride: electronVersion,
});
console.log = silenced;

/** It writes the SARIF file with an unawaited fs.writeFile: wait until the whole document is there. */
async function readSarif(): Promise<Sarif> {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(readFileSync(SARIF_FILE, 'utf8')) as Sarif;
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// Its SARIF carries no severity: join each result with the run's issue to add it, and keep the enriched file for CI.
const sarif = await readSarif();
const key = (rule: string, file: string, line: number, column: number) => `${rule}|${file}|${line}|${column}`;
// SARIF lines and columns start at 1 (it writes line 0 as 1 and adds 1 to the column).
const issues = new Map(
  result.issues.map((i) => [
    key(i.id, i.file === 'N/A' ? 'file:///' : i.file, i.location?.line || 1, (i.location?.column ?? 0) + 1),
    i,
  ]),
);
const allowlist = (JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')) as { entries: AllowEntry[] }).entries;
for (const entry of allowlist)
  if (!entry.reason?.trim()) throw new Error(`Allowlist entry ${entry.rule} in ${entry.file} has no reason.`);

/** The flagged line's text; global findings name no file ("file:///"). */
function sourceLine(file: string, line: number): string {
  try {
    return (readFileSync(path.join(SOURCES, file), 'utf8').split('\n')[line - 1] ?? '').trim();
  } catch {
    return '';
  }
}

const used = new Set<AllowEntry>();
const failing: string[] = [];
const allowed: string[] = [];
const low: string[] = [];
const results = sarif.runs.flatMap((r) => r.results);
for (const r of results) {
  const loc = r.locations[0]!.physicalLocation;
  const file = loc.artifactLocation.uri;
  const issue = issues.get(key(r.ruleId, file, loc.region.startLine, loc.region.startColumn));
  const severity = issue?.severity.name ?? 'HIGH'; // unknown: treat as failing
  r.properties = { ...r.properties, severity, confidence: issue?.confidence.name };
  const lineText = sourceLine(file, loc.region.startLine);
  const place = file.startsWith('file:')
    ? '(whole app)'
    : `${path.relative(ROOT, path.join(SOURCES, file))}:${loc.region.startLine} (${lineText})`;
  const where = `${r.ruleId} ${severity}/${issue?.confidence.name ?? '?'} at ${place}`;
  if (!FAILING.has(severity)) {
    low.push(where);
    continue;
  }
  const entry = allowlist.find((e) => e.rule === r.ruleId && e.file === file && e.line === lineText);
  if (entry) {
    used.add(entry);
    allowed.push(`${where}\n      allowed: ${entry.reason}`);
  } else failing.push(where);
}
writeFileSync(SARIF_FILE, JSON.stringify(sarif, null, 2));

const stale = allowlist.filter((e) => !used.has(e));
const hardErrors = result.errors.filter((e) => !e.tolerable);
console.log(
  `Electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}over ${path.relative(ROOT, SOURCES) || '.'}: ${results.length} findings, ${failing.length} failing, ${allowed.length} allowed, ${low.length} low/informational. SARIF: ${path.relative(ROOT, SARIF_FILE)}`,
);
for (const a of allowed) console.log(`  allowed  ${a}`);
for (const l of low) console.log(`  low      ${l}`);
for (const f of failing) console.log(`  FAILING  ${f}`);
for (const s of stale)
  console.log(`  STALE allowlist entry (nothing matches it any more; remove it): ${s.rule} ${s.file} "${s.line}"`);
for (const e of hardErrors) console.log(`  PARSE ERROR ${e.file}: ${e.message}`);
process.exit(failing.length || stale.length || hardErrors.length ? 1 : 0);
