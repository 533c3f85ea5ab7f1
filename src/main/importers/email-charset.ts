import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Joiner, Rewriter, Splitter } from '@zone-eu/mailsplit';
import type { MimeNode } from '@zone-eu/mailsplit';
import { decodeText, encodingFlags } from './decode.ts';

/** Signs that mailparser decoded a body with a charset its bytes do not have: replacement characters, NULs, C1 controls. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const MISDECODED = /[\ufffd\u0000\u0080-\u009f]/;

export function looksMisdecodedBody(text: string | false | undefined): boolean {
  return typeof text === 'string' && MISDECODED.test(text);
}

const isBodyText = (node: MimeNode) =>
  (node.contentType === 'text/plain' || node.contentType === 'text/html') && node.disposition !== 'attachment';

/**
 * The message with each text body part decoded by decode.ts (issue 13, item 8) and re-labelled
 * UTF-8, for mailparser to read again. mailparser trusts a part's declared charset (and decodes a
 * part labelled UTF-8 without any check), so GB18030 or UTF-16 bytes labelled UTF-8 came out as
 * U+FFFD or NULs with no flag; decode.ts checks the declaration against the bytes and says when it
 * guessed. The review flags of every guess are returned. Only run when the first reading shows the
 * signs of a wrong charset (looksMisdecodedBody), so ordinary mail pays nothing.
 */
export async function redecodeTextParts(bytes: Uint8Array, name: string): Promise<{ bytes: Buffer; flags: string[] }> {
  const flags: string[] = [];
  const rewriter = new Rewriter(isBodyText);
  rewriter.on('node', ({ node, decoder, encoder }) => {
    const chunks: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => chunks.push(chunk));
    decoder.on('end', () => {
      const decoded = decodeText(new Uint8Array(Buffer.concat(chunks)), name, node.charset || null);
      for (const flag of encodingFlags(decoded)) if (!flags.includes(flag)) flags.push(flag);
      node.setCharset('utf-8');
      encoder.end(Buffer.from(decoded.text, 'utf8'));
    });
  });
  const out: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    new Splitter(),
    rewriter,
    new Joiner(),
    async function collect(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) out.push(chunk);
    },
  );
  return { bytes: Buffer.concat(out), flags };
}
