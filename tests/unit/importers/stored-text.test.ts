import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { escapeForTerminal, jsonForTerminal } from '../../../src/cli/terminal-text.ts';
import { cleanBodyText, cleanMetadataText } from '../../../src/main/store/clean-text.ts';
import { captureIo } from '../../helpers/capture-io.ts';
import { tempDir, writeFiles } from '../../helpers/temp-workspace.ts';
import { makeDocx, para } from './fixtures.ts';

// Issue 13 item 8, issue 14 item 1: what is stored is cleaned or flagged, and the CLI never sends a stored escape sequence to the terminal.
const ESC = '\u001b';
const RLO = '\u202e';
const HOSTILE_SUBJECT = `${ESC}]0;owned${'\u0007'}Witness ${ESC}[31mstatement${ESC}[0m ${RLO}txt.exe`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('cleanMetadataText', () => {
  it.each([
    ['terminal title (OSC) and colour (CSI) sequences', HOSTILE_SUBJECT, 'Witness statement txt.exe'],
    ['8-bit CSI and OSC', 'A\u009b2JB \u009d0;x\u009c C', 'A B C'],
    ['bidi overrides and isolates', `photo${RLO}gpj.exe \u2066x\u2069`, 'photogpj.exe x'],
    ['NUL, DEL, line breaks and a BOM', '\ufeffLine\u0000one\u007f\nline two', 'Line one line two'],
    ['markup', '<b>Bold</b> <script>alert(1)</script>title', 'Bold title'],
  ])('removes %s', (_what, dirty, clean) => {
    expect(cleanMetadataText(dirty)).toBe(clean);
  });

  it('keeps every script and the right-to-left mark of a Uyghur title, and bounds the length without splitting a character', () => {
    expect(cleanMetadataText('\u200fئۇيغۇر تىلى 中文 Қазақ')).toBe('\u200fئۇيغۇر تىلى 中文 Қазақ');
    expect(cleanMetadataText(`${'x'.repeat(8)}😀😀`, 10)).toBe(`${'x'.repeat(8)}…`);
  });

  it('marks what cannot be text in a body with U+FFFD, one unit for one, so offsets stay', () => {
    const dirty = `a\u0000b\u009bc\ud800d${ESC}e`;
    expect(cleanBodyText(dirty)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
    expect(cleanBodyText(dirty)).toHaveLength(dirty.length);
    expect(cleanBodyText('tab\tand\nline 😀 \u202b')).toBe('tab\tand\nline 😀 \u202b');
  });
});

describe('terminal output', () => {
  it('shows controls and bidi overrides as visible escapes, in text and in JSON', () => {
    expect(escapeForTerminal(`a${ESC}[2Jb\r${RLO}c\n\td`)).toBe('a\\x1B[2Jb\\x0D\\u202Ec\n\td');
    expect(jsonForTerminal({ t: `x\u009by${RLO}` })).toBe('{\n  "t": "x\\u009By\\u202E"\n}');
    expect(JSON.parse(jsonForTerminal({ t: `x\u009by${RLO}` }))).toEqual({ t: `x\u009by${RLO}` });
  });
});

describe('import of hostile text', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const workspace = path.join(dir, 'ws');
  const run = async (...args: string[]) => {
    const c = captureIo();
    const code = await runCli([...args, '--workspace', workspace], c.io);
    return { code, out: c.out(), err: c.err() };
  };

  it('stores titles, authors, attachment and file names without escapes or overrides, and `dossier list` prints none', async () => {
    const eml = [
      `From: =?utf-8?b?${b64(`Agent ${ESC}[8mhidden${ESC}[0m`)}?= <agent@example.org>`,
      `Subject: =?utf-8?b?${b64(HOSTILE_SUBJECT)}?=`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The statement is attached.',
      '--b',
      `Content-Type: application/octet-stream; name="=?utf-8?b?${b64(`report${RLO}fdp.exe`)}?="`,
      `Content-Disposition: attachment; filename="=?utf-8?b?${b64(`report${RLO}fdp.exe`)}?="`,
      'Content-Transfer-Encoding: base64',
      '',
      'AAAA',
      '--b--',
      '',
    ].join('\r\n');
    const folder = writeFiles(dir, { 'mail.eml': eml, [`notes${ESC}]0;x${'\u0007'}.txt`]: `Notes ${RLO}from the camp.` });
    const imported = await run('import', folder);
    expect(imported.out).not.toContain(ESC);
    expect(imported.out).not.toContain(RLO);
    const listed = await run('list', '--json');
    const documents = (JSON.parse(listed.out) as { documents: { id: string; title: string; author: string | null; originalName: string }[] }).documents;
    const mail = documents.find((d) => d.originalName === 'mail.eml')!;
    expect(mail).toMatchObject({ title: 'Witness statement txt.exe', author: 'Agent hidden' });
    const notes = documents.find((d) => d.originalName.startsWith('notes'))!;
    expect(notes.originalName).toBe('notes .txt');
    expect(notes.title).toBe('Notes from the camp.');
    const shown = JSON.parse((await run('show', mail.id, '--json')).out) as { meta: { attachments: { name: string }[] } };
    expect(shown.meta.attachments.map((a) => a.name)).toEqual(['reportfdp.exe']);
    const text = await run('list');
    // eslint-disable-next-line no-control-regex -- control characters are what must be absent
    expect(text.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The body keeps its text as written; a terminal still never gets the override raw.
    const body = await run('show', notes.id);
    expect(body.out).toContain('Notes \\u202Efrom the camp.');
  });

  it('refuses a text file with a NUL past the first 8 KB as binary, and flags a Word document whose text holds C1 controls or U+FFFD', async () => {
    const late = `${'Plain testimony text. '.repeat(600)}\u0000 and then binary`;
    const docx = makeDocx(para('The witness &#x9B;said &#xFFFD; that the gate was closed.'));
    const folder = writeFiles(dir, { 'late-nul.txt': late, 'late-nul.md': `# Title\n\n${late}`, 'c1.docx': docx });
    const imported = await run('import', folder, '--json');
    const summary = JSON.parse(imported.out) as { failed: { message: string }[]; imported: { id: string; path: string }[] };
    expect(summary.failed.map((f) => f.message).sort()).toEqual([
      'late-nul.md looks like a binary file, not text; it was not imported.',
      'late-nul.txt looks like a binary file, not text; it was not imported.',
    ]);
    const id = summary.imported.find((i) => i.path.endsWith('c1.docx'))!.id;
    const doc = JSON.parse((await run('show', id, '--json')).out) as { text: string; reviewFlags: string[] };
    expect(doc.text).toBe('The witness \ufffdsaid \ufffd that the gate was closed.');
    expect(doc.reviewFlags).toContain(
      '2 characters of the text of c1.docx could not be read and show as �: the file may be damaged, or part of it was decoded with the wrong encoding. Check the text against the original.',
    );
  });
});
