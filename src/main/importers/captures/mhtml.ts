/**
 * MHTML (`.mhtml`, `.mht`: "Save page as… single file", Chromium's Page.captureSnapshot), read by
 * mailparser, the MIME parser the e-mail importer already uses (issue 19). The root HTML part is
 * the page; the other parts (images, styles, frames) stay in the stored original only. Capture
 * facts: Snapshot-Content-Location (Chromium) or Content-Location, the Date header, the tool.
 */
import { simpleParser } from 'mailparser';
import type { CaptureFacts } from '../../../shared/custody.ts';
import { DossierError } from '../../../shared/errors.ts';
import type { FileInput, ParsedDocument } from '../types.ts';
import { capturedPage, isoTime } from './page.ts';

function headerText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim().slice(0, 2000) || null;
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text.slice(0, 2000);
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value.slice(0, 2000);
  return null;
}

/** Who saved it: Chromium writes From: <Saved by Blink>; others say so in X-Mailer or similar. */
function toolOf(from: string | null, mailer: string | null): string | null {
  if (from && /saved by blink/i.test(from)) return 'Chromium (Blink) MHTML';
  if (from && /saved by/i.test(from)) return from.replace(/[<>]/g, '').trim();
  return mailer;
}

export async function parseMhtml(input: FileInput): Promise<ParsedDocument> {
  let mail;
  try {
    mail = await simpleParser(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), {
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: 50 * 1024 * 1024,
    });
  } catch {
    throw new DossierError('PARSE_FAILED', `${input.name} is not a readable MHTML file.`);
  }
  if (typeof mail.html !== 'string' || !mail.html.trim()) {
    throw new DossierError('PARSE_FAILED', `${input.name} is not a web page saved as MHTML: it has no HTML part.`);
  }
  const headers = mail.headers;
  const url = headerText(headers.get('snapshot-content-location')) ?? headerText(headers.get('content-location'));
  const facts: CaptureFacts = {
    container: 'mhtml',
    url,
    capturedAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : isoTime(headerText(headers.get('date'))),
    tool: toolOf(headerText(headers.get('from')), headerText(headers.get('x-mailer'))),
    httpStatus: null,
    httpHeaders: null,
    payloadDigest: null,
    recordId: null,
  };
  const html = mail.html;
  const doc = await capturedPage({ name: input.name, bytes: new TextEncoder().encode(html), decodedText: html }, facts);
  // The snapshot's Subject is the page's title as the browser showed it.
  return { ...doc, title: doc.title ?? headerText(mail.subject) };
}
