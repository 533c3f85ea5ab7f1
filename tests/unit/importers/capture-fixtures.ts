/**
 * Web captures the tests build themselves (issue 19): WARC records written with warcio, a WACZ
 * zipped with fflate and hashed (and signed) as WACZ 1.1 says, MHTML and SingleFile pages by hand.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { WARCRecord, WARCSerializer } from 'warcio';

export const KAZAKH_TESTIMONY = {
  title: 'Бұрынғы тұтқынның куәлігі',
  paragraphs: [
    'Мен лагерьде он бір ай болдым. Бізді күн сайын таңғы бесте оятып, саяси сабаққа апаратын.',
    'Күзетшілер түнде де бақылап тұрды. Туыстарыма хат жазуға рұқсат берілмеді.',
    'Босатылғаннан кейін мен Алматыға келдім және бұл куәлікті өз еркіммен беріп отырмын.',
  ],
};

export function articleHtml(title: string, paragraphs: string[], lang = 'en', extra = ''): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Home · World</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}${extra}</article></body></html>`;
}

const enc = (s: string) => new TextEncoder().encode(s);
const body = (bytes: Uint8Array) => (function* () {
  yield bytes;
})();

export interface WarcPageSpec {
  url: string;
  date: string;
  html?: string;
  contentType?: string;
  status?: string;
  bytes?: Uint8Array;
}

/** A gzipped WARC: a warcinfo naming the tool, then a request and a response record per spec. */
export async function buildWarc(specs: WarcPageSpec[], software = 'ArchiveWeb.page 0.12.0'): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo({ filename: 'data.warc.gz', warcVersion: 'WARC/1.1' }, { software, format: 'WARC File Format 1.1' });
  parts.push(await WARCSerializer.serialize(info, { gzip: true }));
  for (const spec of specs) {
    const request = WARCRecord.create(
      { url: spec.url, date: spec.date, type: 'request', warcVersion: 'WARC/1.1', httpHeaders: { 'User-Agent': 'Test' }, statusline: `GET ${new URL(spec.url).pathname} HTTP/1.1` },
      body(new Uint8Array()),
    );
    parts.push(await WARCSerializer.serialize(request, { gzip: true }));
    const payload = spec.bytes ?? enc(spec.html ?? '');
    const response = WARCRecord.create(
      {
        url: spec.url,
        date: spec.date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${spec.status ?? '200 OK'}`,
        httpHeaders: { 'Content-Type': spec.contentType ?? 'text/html; charset=utf-8', Server: 'nginx' },
      },
      body(payload),
    );
    parts.push(await WARCSerializer.serialize(response, { gzip: true }));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * A WACZ: the WARC, its pages list, datapackage.json hashing both, datapackage-digest.json hashing
 * that and signed with a fresh P-256 key (anonymous signing). `storeInstead` puts another WARC in
 * its place after hashing, as someone editing the capture afterwards would.
 */
export function buildWacz(warc: Uint8Array, pageUrls: string[], options: { storeInstead?: Uint8Array; signWithOtherKey?: boolean } = {}): Uint8Array {
  const pages = strToU8(
    [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...pageUrls.map((url) => JSON.stringify({ url, ts: '2026-11-30T08:00:00Z' }))].join('\n'),
  );
  const datapackage = strToU8(
    JSON.stringify({
      profile: 'data-package',
      wacz_version: '1.1.1',
      software: 'ArchiveWeb.page 0.12.0',
      created: '2026-11-30T09:00:00Z',
      resources: [
        { name: 'data.warc.gz', path: 'archive/data.warc.gz', hash: sha(warc), bytes: warc.byteLength },
        { name: 'pages.jsonl', path: 'pages/pages.jsonl', hash: sha(pages), bytes: pages.byteLength },
      ],
    }),
  );
  const hash = sha(datapackage);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signer = options.signWithOtherKey ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : privateKey;
  const signature = sign('sha256', Buffer.from(hash), signer).toString('base64');
  const digest = strToU8(
    JSON.stringify({
      path: 'datapackage.json',
      hash,
      signedData: { hash, signature, publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), created: '2026-11-30T09:00:01Z', software: 'authsign 0.5' },
    }),
  );
  const stored = options.storeInstead ?? warc;
  return zipSync({
    'archive/data.warc.gz': [stored, { level: 0 }],
    'pages/pages.jsonl': pages,
    'datapackage.json': datapackage,
    'datapackage-digest.json': digest,
  });
}

/** Quoted-printable, as browsers write MHTML: "=" escaped, lines cut at 76 with soft breaks. */
function quotedPrintable(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let line = '';
  const lines: string[] = [];
  for (const b of bytes) {
    const piece = b === 0x0a ? '\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** An MHTML file as Chromium writes it: the page quoted-printable, then an image part. */
export function buildMhtml(url: string, date: string, html: string, subject: string): Uint8Array {
  const boundary = '----MultipartBoundary--abc123----';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64').toString('base64');
  const text = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${url}`,
    '',
    quotedPrintable(html),
    '',
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    `Content-Location: ${new URL('/photo.png', url).href}`,
    '',
    png,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return enc(text);
}

/** A page as SingleFile saves it: its marker comment, with the URL and date, and images inlined. */
export function buildSingleFile(url: string, savedDate: string, html: string): Uint8Array {
  const marked = html.replace(
    '<html',
    `<html`,
  ).replace('<head>', `<!--\n Page saved with SingleFile \n url: ${url} \n saved date: ${savedDate}\n--><head>`);
  return enc(marked);
}

export const INLINE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
