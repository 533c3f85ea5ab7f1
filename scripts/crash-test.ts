/**
 * Crash safety (issue 7): runs the real CLI (`node bin/dossier.js`) importing a large generated
 * folder, and a tagging loop over the same service, and kills them with SIGKILL at random points.
 * After each kill it reopens the workspace and checks: every document complete (its text hashes to
 * content_hash, its blocks inside the text) or absent, no passage outside its text, nothing
 * committed lost, tmp/ swept, and `dossier verify --json` ok. Prints the kill points survived.
 * Issue 20: then SIGKILLs `dossier lock` ("Lock this investigation…") at random moments, each on a
 * fresh copy: the copy must be either plain and whole, or locked and whole with no plain file left
 * once opened; and kills the tagging loop on the locked copy (the journal of encrypted changes).
 *
 *   npm run test:crash            (KILLS=30 FILES=1500 SEED=... to change the run)
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../src/main/app/open-app.ts';
import { call } from '../src/main/dispatch.ts';
import { openWorkspace } from '../src/main/store/workspace.ts';
import { isLockedFolder } from '../src/main/lock/vault-files.ts';
import { seededRandom } from './seeded-random.ts';

const PASSPHRASE = 'crash test passphrase 20';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/dossier.js');

const WORDS = (
  'detainee camp guard interrogation testimony village police station released family prison night transfer court lawyer ' +
  'report witness document cotton factory labour school teacher border passport 再教育营 新疆 证人 家人 лагерь свидетель ' +
  'семья допрос لاگېر گۇۋاھچى ئائىلە'
).split(' ');

function generateFolder(dir: string, count: number, random: () => number): void {
  mkdirSync(dir, { recursive: true });
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [`Report ${i}: ${word()} ${word()}`];
    const n = 2 + Math.floor(random() * 6);
    for (let p = 0; p < n; p++) paragraphs.push(Array.from({ length: 20 + Math.floor(random() * 80) }, word).join(' ') + '.');
    writeFileSync(path.join(dir, `report-${String(i).padStart(5, '0')}.txt`), paragraphs.join('\n\n'));
  }
}

/** Worker mode: tags random passages in a loop, with a backup every so often, printing one line per write. */
async function tagWorker(workspace: string, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const app = openApp(workspace, {}, {}, isLockedFolder(workspace) ? { passphrase: PASSPHRASE } : undefined);
  const docs = await call(app.handlers, 'documents:list', {});
  if (!docs.length) {
    process.stdout.write('no documents\n');
    return;
  }
  for (let i = 0; ; i++) {
    const doc = await call(app.handlers, 'documents:get', { id: docs[Math.floor(random() * docs.length)]!.id });
    const start = Math.floor(random() * (doc.text.length - 40));
    const end = start + 5 + Math.floor(random() * 30);
    if (!doc.text.slice(start, end).trim()) continue;
    await call(app.handlers, 'passages:create', {
      documentId: doc.id,
      start,
      end,
      tagNames: [`Code ${Math.floor(random() * 12)}`],
      note: `n${i}`,
    });
    process.stdout.write(`tagged ${i}\n`);
    if (i % 20 === 19) {
      await call(app.handlers, 'backups:create', {});
      process.stdout.write(`backup ${i}\n`);
    }
  }
}

interface Observed {
  documents: number;
  passages: number;
}

/** Runs `command` and SIGKILLs it after the `killAfter`-th line of output (plus a few ms), or lets it finish. */
function runAndKill(
  args: string[],
  killAfter: number,
  jitterMs: number,
  stream: 'stdout' | 'stderr',
  killWhen?: { seen: string; afterMs: number },
): Promise<{ killed: boolean; lines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // "Lock this investigation…" prints nothing until it is done: it is killed once a file it writes appears.
    if (killWhen) {
      const watch = setInterval(() => {
        if (!existsSync(killWhen.seen)) return;
        clearInterval(watch);
        setTimeout(() => child.kill('SIGKILL'), killWhen.afterMs);
      }, 1);
      child.on('exit', () => clearInterval(watch));
    }
    let lines = 0;
    let killed = false;
    let buffer = '';
    child[stream].on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines += parts.length;
      if (!killed && lines >= killAfter) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), jitterMs);
      }
    });
    child[stream === 'stdout' ? 'stderr' : 'stdout'].resume();
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', lines }));
  });
}

function check(workspace: string, previous: Observed): Observed & { tmpSwept: number } {
  const tmpDir = path.join(workspace, 'tmp');
  const tmpBefore = existsSync(tmpDir) ? readdirSync(tmpDir).length : 0;
  // The store checks read SQLite directly (cheap); `dossier verify` below is the real restart, index included.
  const locked = isLockedFolder(workspace);
  const store = openWorkspace(workspace, { unlock: locked ? { passphrase: PASSPHRASE } : undefined });
  if (locked && readdirSync(workspace).some((n) => n.startsWith('dossier.sqlite'))) throw new Error('a plain store is left beside the vault');
  const problems: string[] = [];
  try {
    const db = store.db;
    if (readdirSync(store.paths.tmpDir).length) problems.push('tmp/ was not swept at open');
    const docs = db.prepare('SELECT id, text, blocks, content_hash FROM documents').all() as {
      id: string;
      text: string;
      blocks: string;
      content_hash: string;
    }[];
    for (const d of docs) {
      if (createHash('sha256').update(d.text).digest('hex') !== d.content_hash)
        problems.push(`document ${d.id}: text does not hash to content_hash`);
      for (const b of JSON.parse(d.blocks) as { start: number; end: number }[]) {
        if (!(b.start >= 0 && b.start <= b.end && b.end <= d.text.length))
          problems.push(`document ${d.id}: block ${b.start}-${b.end} outside its text`);
      }
    }
    const passages = db
      .prepare('SELECT p.id, p.start, p.end, p.exact, d.text FROM passages p JOIN documents d ON d.id = p.document_id')
      .all() as { id: string; start: number; end: number; exact: string; text: string }[];
    for (const p of passages) {
      if (!(p.start >= 0 && p.end > p.start && p.end <= p.text.length) || p.text.slice(p.start, p.end) !== p.exact)
        problems.push(`passage ${p.id} outside its text`);
    }
    const orphans = db
      .prepare('SELECT count(*) AS n FROM passages WHERE document_id NOT IN (SELECT id FROM documents)')
      .get() as { n: number };
    if (orphans.n) problems.push(`${orphans.n} passages without a document`);
    if (docs.length < previous.documents)
      problems.push(`documents went from ${previous.documents} to ${docs.length}: committed data lost`);
    if (passages.length < previous.passages)
      problems.push(`passages went from ${previous.passages} to ${passages.length}: committed data lost`);
    const observed = { documents: docs.length, passages: passages.length };
    store.close();
    const verify = JSON.parse(
      execFileSync(process.execPath, [BIN, 'verify', '--json', '--workspace', workspace, ...(locked ? ['--passphrase-file', passphraseFile(workspace)] : [])], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { ok: boolean; problems: string[] };
    if (!verify.ok) problems.push(`dossier verify: ${verify.problems.join('; ')}`);
    if (problems.length) throw new Error(problems.slice(0, 10).join('\n'));
    return { ...observed, tmpSwept: tmpBefore };
  } finally {
    store.close();
  }
}

/** The passphrase in a file beside the workspace (a CLI never takes one in argv). */
function passphraseFile(workspace: string): string {
  const file = path.join(path.dirname(workspace), 'passphrase.txt');
  if (!existsSync(file)) writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
  return file;
}

/**
 * SIGKILL during "Lock this investigation…" (issue 20), on fresh copies of the workspace: each copy
 * is whole afterwards, plain or locked. Then the tagging loop is killed on the locked copy.
 */
async function lockKills(workspace: string, observed: Observed, random: () => number, kills: number): Promise<void> {
  const outcomes = { plain: 0, locked: 0 };
  const copy = path.join(path.dirname(workspace), 'locking');
  for (let k = 0; k < kills; k++) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(workspace, copy, { recursive: true });
    // Half the kills while the vault is being written in tmp/, half after it was committed (plain files being removed).
    const seen = k % 2 === 0 ? path.join(copy, 'tmp', 'vault-new') : path.join(copy, 'vault');
    const killAt = Math.floor(random() * 6);
    const run = await runAndKill([BIN, 'lock', '--passphrase-file', passphraseFile(copy), '--workspace', copy], Infinity, 0, 'stdout', { seen, afterMs: killAt });
    outcomes[isLockedFolder(copy) ? 'locked' : 'plain']++;
    const result = check(copy, observed);
    if (result.documents !== observed.documents || result.passages !== observed.passages) throw new Error(`locking lost data: ${JSON.stringify(result)}`);
    console.log(`  lock kill ${k + 1}, ${killAt} ms after ${path.relative(copy, seen)} appeared${run.killed ? '' : ' (finished first)'}: ${isLockedFolder(copy) ? 'locked' : 'still plain'}, ${result.documents} documents, ${result.passages} passages, all checks pass`);
  }
  if (!isLockedFolder(copy)) await runAndKill([BIN, 'lock', '--passphrase-file', passphraseFile(copy), '--workspace', copy], Infinity, 0, 'stdout');
  let seen: Observed = check(copy, observed);
  for (let k = 0; k < Math.ceil(kills / 2); k++) {
    const run = await runAndKill([path.join(ROOT, 'scripts/crash-test.ts'), 'tag-worker', copy, String(Math.floor(random() * 1e9))], 1 + Math.floor(random() * 40), Math.floor(random() * 15), 'stdout');
    seen = check(copy, seen);
    console.log(`  locked tagging kill ${k + 1} (after ${run.lines} lines): ${seen.documents} documents, ${seen.passages} passages, all checks pass`);
  }
  console.log(`crash test, locking: ${kills} kills of "dossier lock" left ${outcomes.plain} plain and ${outcomes.locked} locked, none lost anything`);
}

async function main(): Promise<void> {
  const seed = Number(process.env.SEED ?? Date.now() % 1_000_000);
  const kills = Number(process.env.KILLS ?? 30);
  const fileCount = Number(process.env.FILES ?? 1500);
  const random = seededRandom(seed);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-crash-'));
  const folder = path.join(dir, 'corpus');
  const workspace = path.join(dir, 'workspace');
  const started = Date.now();
  console.log(`crash test: seed ${seed}, ${kills} kill points, ${fileCount} files`);
  try {
    generateFolder(folder, fileCount, random);
    let observed: Observed = { documents: 0, passages: 0 };
    let survived = 0;
    let tmpLeftovers = 0;
    const importKills = Math.ceil(kills * 0.6);
    // Past the files already stored, by up to ~1.6× an even share, and never after the last file's line.
    const maxStep = Math.max(2, Math.floor((fileCount * 1.6) / importKills));
    const importKillLine = (stored: number) => Math.min(fileCount, stored + 1 + Math.floor(random() * maxStep));
    for (let k = 0; k < kills; k++) {
      const phase = k < importKills ? 'import' : 'tag';
      const run =
        phase === 'import'
          ? // The CLI prints one progress line per file on stderr: kill after a random one.
            await runAndKill(
              [BIN, 'import', folder, '--workspace', workspace],
              importKillLine(observed.documents),
              Math.floor(random() * 15),
              'stderr',
            )
          : await runAndKill(
              [path.join(ROOT, 'scripts/crash-test.ts'), 'tag-worker', workspace, String(Math.floor(random() * 1e9))],
              1 + Math.floor(random() * 60),
              Math.floor(random() * 15),
              'stdout',
            );
      const result = check(workspace, observed);
      tmpLeftovers += result.tmpSwept;
      observed = { documents: result.documents, passages: result.passages };
      if (run.killed) survived++;
      console.log(
        `  kill ${String(k + 1).padStart(2)} (${phase}, after ${run.lines} lines${run.killed ? '' : ', finished before the kill'}): ${observed.documents} documents, ${observed.passages} passages, all checks pass`,
      );
    }
    await lockKills(workspace, observed, random, Number(process.env.LOCK_KILLS ?? 4));
    const final = await runAndKill([BIN, 'import', folder, '--workspace', workspace], Number.POSITIVE_INFINITY, 0, 'stderr');
    observed = check(workspace, observed);
    console.log(
      `crash test: ${survived} SIGKILL points survived (${importKills} planned during import, ${kills - importKills} during tagging and backups); ` +
        `${tmpLeftovers} leftover temporaries swept; after a last full import ${observed.documents}/${fileCount} documents, ${observed.passages} passages; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    if (final.killed || observed.documents !== fileCount)
      throw new Error(`The last import left ${observed.documents} of ${fileCount} documents.`);
    if (survived < Math.min(25, kills))
      throw new Error(`Only ${survived} runs were killed mid-work; the kill points are too late.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'tag-worker') await tagWorker(process.argv[3]!, Number(process.argv[4]));
else await main();
