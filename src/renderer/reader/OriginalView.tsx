import { useMemo } from 'react';
import { t } from '../strings/t.ts';
import { purifyOriginal } from './purify-original.ts';

/**
 * The sanitised original of an HTML document, read-only. The stored HTML is sanitised again here
 * with DOMPurify (purify-original.ts) before it reaches the frame. The frame is sandboxed with no
 * permissions at all (no scripts, no same-origin, no forms) and its document carries a CSP
 * that allows no network, so it loads nothing. Copied from ORIGINAL_VIEW_CSP in
 * src/main/electron/security.ts: the renderer cannot import main.
 */
export const ORIGINAL_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function originalSrcDoc(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${ORIGINAL_VIEW_CSP}"><style>body{font-family:'Noto Sans','Noto Sans CJK SC','Noto Naskh Arabic',sans-serif;line-height:1.6;max-width:720px;margin:16px auto;padding:0 16px}img{max-width:100%}</style></head><body>${html}</body></html>`;
}

export function OriginalView({ html, title }: { html: string; title: string }) {
  const srcDoc = useMemo(() => originalSrcDoc(purifyOriginal(html)), [html]);
  return (
    <iframe
      className="original-view"
      title={t('reader.original', { title })}
      sandbox=""
      srcDoc={srcDoc}
      referrerPolicy="no-referrer"
    />
  );
}
