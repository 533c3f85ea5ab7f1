import { simpleParser, type AddressObject } from 'mailparser';
import { DossierError } from '../../shared/errors.ts';
import { assembleBlocks, paragraphsOf, type BlockDraft } from './blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import { normalizeDate } from './metadata.ts';
import { cleanText } from './clean.ts';
import { sanitizeHtml } from './sanitize.ts';
import { looksMisdecodedBody, redecodeTextParts } from './email-charset.ts';
import type { FileInput, ParsedDocument, ParsedFile } from './types.ts';

const MAX_MESSAGES = 20_000;

function addresses(value: AddressObject | AddressObject[] | undefined): string | null {
  if (!value) return null;
  const list = Array.isArray(value) ? value : [value];
  return cleanText(list.map((a) => a.text).join(', '), 2000);
}

/**
 * One e-mail message (issue 3): subject as title, sender as author, Date header as publication
 * date; an HTML body goes through the strict sanitiser, a plain body is split into paragraphs.
 * Attachments are listed in meta, never imported silently.
 */
export async function parseEmailMessage(input: FileInput, format: 'eml' | 'mbox' = 'eml'): Promise<ParsedDocument> {
  let mail = await readMail(input.bytes, input.name);
  const reviewFlags: string[] = [];
  if (looksMisdecodedBody(mail.text) || looksMisdecodedBody(mail.html)) {
    // A declared charset that the bytes contradict: read again with every text part through decode.ts.
    const redecoded = await redecodeTextParts(input.bytes, input.name).catch(() => null);
    if (redecoded) {
      mail = await readMail(redecoded.bytes, input.name);
      reviewFlags.push(...redecoded.flags);
    }
  }
  const subject = cleanText(mail.subject, 1000);
  const from = addresses(mail.from);
  const sender = mail.from?.value[0];
  let drafts: BlockDraft[];
  let originalHtml: string | null = null;
  if (mail.html) {
    const sanitized = sanitizeHtml(mail.html);
    drafts = htmlBlocks(sanitized.tree);
    originalHtml = sanitized.html;
  } else {
    drafts = paragraphsOf(mail.text ?? '');
  }
  const attachments = mail.attachments
    .filter((a) => !a.related)
    .map((a) => ({ name: cleanText(a.filename, 300) ?? '(unnamed)', contentType: cleanText(a.contentType, 200), bytes: a.size }));
  const attachmentsOnly = !drafts.some((d) => d.text.trim()) && attachments.length > 0;
  if (attachmentsOnly) {
    // A message of images only (issue 13, item 7): a document that says what it holds, so it is
    // listed and findable by its attachments' names rather than lost or failing its mailbox.
    drafts.push({ kind: 'paragraph', text: `This message has no text. Its attachments: ${attachments.map(describeAttachment).join('; ')}.` });
    reviewFlags.push('This message has no text of its own; its text lists its attachments, which were not imported.');
  }
  if (subject) drafts.unshift({ kind: 'heading', level: 1, text: subject });
  const { text, blocks } = assembleBlocks(drafts);
  if (attachments.length) {
    reviewFlags.push(`This message has ${attachments.length} attachment(s), listed in its details; they were not imported. Save and import them separately if needed.`);
  }
  return {
    format,
    text,
    blocks,
    title: subject,
    // The sender's domain is no publisher (gmail.com says nothing): left for the user to fill.
    source: null,
    author: cleanText(sender?.name, 300) ?? cleanText(sender?.address, 300),
    url: null,
    publishedAt: normalizeDate(mail.date),
    language: null,
    pageStarts: null,
    meta: {
      from,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
      messageId: cleanText(mail.messageId, 500),
      attachments,
      ...(attachmentsOnly ? { attachmentsOnly: true } : {}),
    },
    originalHtml,
    reviewFlags,
  };
}

type Mail = Awaited<ReturnType<typeof simpleParser>>;

async function readMail(bytes: Uint8Array, name: string): Promise<Mail> {
  try {
    return await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 20 * 1024 * 1024,
    });
  } catch {
    throw new DossierError('PARSE_FAILED', `${name} is not a readable e-mail message.`);
  }
}

function describeAttachment(a: { name: string; contentType: string | null; bytes: number }): string {
  const size = a.bytes >= 1024 * 1024 ? `${(a.bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(a.bytes / 1024))} KB`;
  return `${a.name} (${[a.contentType, size].filter(Boolean).join(', ')})`;
}

const LF = 0x0a;
const CR = 0x0d;
const FROM = Buffer.from('From ', 'latin1');

/** Whether the line starting at `at` is an mbox separator: "From " after a blank line (or at the start), followed by a header line. */
function isSeparator(bytes: Buffer, at: number): boolean {
  if (bytes.compare(FROM, 0, FROM.length, at, at + FROM.length) !== 0) return false;
  if (at > 0) {
    // The line before ends at at-1 ("\n"); the blank line means the one before that is empty too.
    const before = bytes[at - 2] === CR ? at - 3 : at - 2;
    if (before >= 0 && bytes[before] !== LF) return false;
  }
  const lineEnd = bytes.indexOf(LF, at);
  if (lineEnd === -1) return false;
  // A message starts with its header fields: "Name: value". "From the camp, he wrote…" in a body does not.
  const next = bytes.subarray(lineEnd + 1, Math.min(bytes.length, lineEnd + 1 + 200)).toString('latin1');
  return /^[!-9;-~]+:/.test(next);
}

/**
 * Splits an mbox (mboxrd / mboxo) into its messages, on bytes (issue 14: decoding the mailbox
 * before mailparser turned every 8-bit UTF-8 message into mojibake; each message now reaches the
 * parser as its own bytes). A message starts at a "From " line at the top or after a blank line,
 * followed by a header line (so an unquoted "From " in a body does not cut the message in two);
 * the blank line before the next separator belongs to the mailbox, and mboxrd's ">From " quoting
 * is undone. Each message gets its own buffer (the parse worker transfers them).
 */
export function splitMbox(input: Uint8Array, fileName: string): Uint8Array[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isSeparator(bytes, 0) && bytes.compare(FROM, 0, FROM.length, 0, FROM.length) !== 0) {
    throw new DossierError('PARSE_FAILED', `${fileName} is not an mbox mailbox (it does not start with a "From " line).`);
  }
  const starts: number[] = [0];
  for (let at = bytes.indexOf('\nFrom ', 0, 'latin1'); at !== -1; at = bytes.indexOf('\nFrom ', at + 1, 'latin1')) {
    if (!isSeparator(bytes, at + 1)) continue;
    starts.push(at + 1);
    if (starts.length > MAX_MESSAGES) throw new DossierError('TOO_LARGE', `${fileName} holds more than ${MAX_MESSAGES} messages; split it before importing.`);
  }
  const messages: Uint8Array[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = bytes.indexOf(LF, starts[i]!);
    if (from === -1) continue;
    let end = starts[i + 1] ?? bytes.length;
    // The line break that ends the message's last line stays; the blank line after it is the mailbox's.
    if (i + 1 < starts.length) {
      if (bytes[end - 1] === LF) end--;
      if (bytes[end - 1] === CR) end--;
    }
    const message = unquoteFromLines(bytes.subarray(from + 1, end));
    if (message.some((b) => b !== LF && b !== CR && b !== 0x20 && b !== 0x09)) messages.push(message);
  }
  return messages;
}

/** mboxrd: a line ">From ", ">>From "… loses one ">". Copies into a buffer of the message's own. */
function unquoteFromLines(body: Buffer): Uint8Array {
  const keep: Buffer[] = [];
  let at = 0;
  let lineStart = 0;
  while (lineStart < body.length) {
    if (body[lineStart] === 0x3e) {
      let q = lineStart;
      while (body[q] === 0x3e) q++;
      if (body.compare(FROM, 0, FROM.length, q, q + FROM.length) === 0) {
        keep.push(body.subarray(at, lineStart));
        at = lineStart + 1;
      }
    }
    const next = body.indexOf(LF, lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  keep.push(body.subarray(at));
  const out = new Uint8Array(keep.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of keep) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Every message of an mbox, each a document of its own whose original is that message as an
 * .eml. A message that cannot be read fails alone (issue 13, item 7); the others are imported.
 */
export async function parseMbox(input: FileInput): Promise<ParsedFile> {
  const messages = splitMbox(input.bytes, input.name);
  const file: ParsedFile = { docs: [], failures: [] };
  const base = input.name.replace(/\.[^.]+$/, '');
  for (const [i, bytes] of messages.entries()) {
    const name = `${base} #${i + 1}.eml`;
    try {
      const doc = await parseEmailMessage({ name, bytes }, 'mbox');
      file.docs.push({ ...doc, part: { name, bytes } });
    } catch (error) {
      const info = error instanceof DossierError ? error : new DossierError('PARSE_FAILED', `${name} is not a readable e-mail message.`);
      file.failures.push({ name, code: info.code, message: info.message });
    }
  }
  return file;
}
