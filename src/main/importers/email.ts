import { simpleParser, type AddressObject } from 'mailparser';
import { DossierError } from '../../shared/errors.ts';
import { assembleBlocks, paragraphsOf, type BlockDraft } from './blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import { normalizeDate } from './metadata.ts';
import { cleanText } from './clean.ts';
import { sanitizeHtml } from './sanitize.ts';
import type { FileInput, ParsedDocument } from './types.ts';

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
  let mail;
  try {
    mail = await simpleParser(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), {
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 20 * 1024 * 1024,
    });
  } catch {
    throw new DossierError('PARSE_FAILED', `${input.name} is not a readable e-mail message.`);
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
  if (subject) drafts.unshift({ kind: 'heading', level: 1, text: subject });
  const { text, blocks } = assembleBlocks(drafts);
  const attachments = mail.attachments
    .filter((a) => !a.related)
    .map((a) => ({ name: cleanText(a.filename, 300) ?? '(unnamed)', contentType: cleanText(a.contentType, 200), bytes: a.size }));
  const reviewFlags: string[] = [];
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
    },
    originalHtml,
    reviewFlags,
  };
}

/**
 * Splits an mbox (mboxrd / mboxo) into its messages: each starts with a "From " line after a
 * blank line or at the top; ">From " quoting is undone.
 */
export function splitMbox(bytes: Uint8Array, fileName: string): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.startsWith('From ')) throw new DossierError('PARSE_FAILED', `${fileName} is not an mbox mailbox (it does not start with a "From " line).`);
  const starts: number[] = [];
  const re = /(^|\n)From [^\n]*\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    starts.push(m.index + m[1]!.length);
    if (starts.length > MAX_MESSAGES) throw new DossierError('TOO_LARGE', `${fileName} holds more than ${MAX_MESSAGES} messages; split it before importing.`);
  }
  const messages: Uint8Array[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i], starts[i + 1] ?? text.length);
    const body = chunk.slice(chunk.indexOf('\n') + 1).replace(/^>(>*From )/gm, '$1');
    if (body.trim()) messages.push(new Uint8Array(Buffer.from(body, 'latin1')));
  }
  return messages;
}

/** Every message of an mbox, each a document of its own whose original is that message as an .eml. */
export async function parseMbox(input: FileInput): Promise<ParsedDocument[]> {
  const messages = splitMbox(input.bytes, input.name);
  const docs: ParsedDocument[] = [];
  for (const [i, bytes] of messages.entries()) {
    const name = `${input.name.replace(/\.[^.]+$/, '')} #${i + 1}.eml`;
    const doc = await parseEmailMessage({ name, bytes }, 'mbox');
    docs.push({ ...doc, part: { name, bytes } });
  }
  return docs;
}
