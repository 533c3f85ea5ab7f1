/**
 * Text to Word runs for the DOCX export (issue 21): each run carries the script it is written in,
 * so Word and LibreOffice pick a font made for it and read it the right way. Word chooses a
 * character's font by slot (Latin and Cyrillic: ascii/hAnsi; Chinese and Japanese: eastAsia;
 * right-to-left scripts: cs, used for a run marked w:rtl) and lays out bidirectional text by
 * paragraph (w:bidi) and run (w:rtl). So text is cut where its script changes; the spaces and
 * punctuation between two pieces of one direction go with them, and those between a right-to-left
 * and a left-to-right piece take the paragraph's direction, as the Unicode bidi algorithm treats
 * neutrals (and as the HTML's <bdi> keeps a Uyghur title inside an English citation). Redaction
 * marks become runs of their own, black on black, so they read as bars whatever the font.
 */
import { TextRun, type IRunOptions } from 'docx';
import { REDACTION_MARK } from './redaction.ts';
import { isRtlLanguage } from './render-html.ts';

type Script = 'rtl' | 'cjk' | 'ltr';
type Cls = Script | 'neutral' | 'mark';

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const LETTER = /[\p{L}]/u;
const COMBINING = /\p{M}/u;
const LRM = '\u200e';

/** Word's language tags for each slot: a bare code gets the region Word expects (its proofing tools are per region). */
const REGIONS: Record<string, string> = {
  en: 'en-US',
  zh: 'zh-CN',
  ja: 'ja-JP',
  ko: 'ko-KR',
  ug: 'ug-CN',
  kk: 'kk-KZ',
  ru: 'ru-RU',
  ar: 'ar-SA',
  fa: 'fa-IR',
  ur: 'ur-PK',
  he: 'he-IL',
  tr: 'tr-TR',
  uz: 'uz-Latn-UZ',
  ky: 'ky-KG',
  uk: 'uk-UA',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
};
const TRADITIONAL = /^zh-(?:Hant|TW|HK|MO)\b/i;

export function wordLanguage(language: string | null | undefined): string | null {
  const tag = language?.trim();
  if (!tag || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag)) return null;
  if (TRADITIONAL.test(tag)) return 'zh-TW';
  if (tag.includes('-')) return tag;
  return REGIONS[tag.toLowerCase()] ?? tag.toLowerCase();
}

const CJK_CODES = new Set(['zh', 'ja', 'ko']);
const scriptOfLanguage = (tag: string): Script => (isRtlLanguage(tag.toLowerCase()) ? 'rtl' : CJK_CODES.has(tag.split('-')[0]!.toLowerCase()) ? 'cjk' : 'ltr');

/** The w:lang of a run: the text's language in its own slot, the document's defaults in the others. */
export function runLanguage(language: string | null | undefined): NonNullable<IRunOptions['language']> {
  const tag = wordLanguage(language);
  const slot = tag ? scriptOfLanguage(tag) : null;
  return {
    value: slot === 'ltr' ? tag! : 'en-US',
    eastAsia: slot === 'cjk' ? tag! : 'zh-CN',
    bidirectional: slot === 'rtl' ? tag! : 'ar-SA',
  };
}

function classOf(ch: string): Cls | 'combining' {
  if (COMBINING.test(ch)) return 'combining';
  if (RTL.test(ch)) return 'rtl';
  if (CJK.test(ch)) return 'cjk';
  if (LETTER.test(ch)) return 'ltr';
  return 'neutral';
}

/** The first letter's direction: how a paragraph with dir="auto" is laid out. */
export function firstStrongIsRtl(text: string): boolean {
  for (const ch of text) {
    const c = classOf(ch);
    if (c === 'rtl') return true;
    if (c === 'ltr' || c === 'cjk') return false;
  }
  return false;
}

interface Piece {
  text: string;
  cls: Cls;
}

/** Cuts text at script changes; combining marks stay with the letter before them. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  text.split(REDACTION_MARK).forEach((part, i) => {
    if (i > 0) out.push({ text: REDACTION_MARK, cls: 'mark' });
    for (const ch of part) {
      let cls = classOf(ch);
      const last = out.at(-1);
      if (cls === 'combining') cls = last && last.cls !== 'mark' ? last.cls : 'neutral';
      if (last && last.cls === cls && cls !== 'mark') last.text += ch;
      else out.push({ text: ch, cls: cls as Cls });
    }
  });
  return out;
}

/**
 * A neutral's script from the pieces around it: theirs when they agree; at the text's edge, the
 * piece's beside it (right-to-left only in a right-to-left paragraph); between right-to-left and
 * anything else, the paragraph's direction; between Chinese and Latin, Latin (so the quotation
 * marks around a Chinese title in an English citation stay Latin ones).
 */
function neutralScript(before: Script | null, after: Script | null, base: 'rtl' | 'ltr'): Script {
  if (before === after) return before ?? base;
  const beside = before ?? after;
  if (before === null || after === null) return beside === 'rtl' ? base : beside!;
  return before === 'rtl' || after === 'rtl' ? base : 'ltr';
}

/** Each neutral piece (and mark) takes the script of its neighbours when they agree in direction, else the paragraph's. */
function resolve(list: Piece[], base: 'rtl' | 'ltr'): { text: string; script: Script; mark: boolean }[] {
  const strong = (i: number, step: 1 | -1): Script | null => {
    for (let j = i + step; j >= 0 && j < list.length; j += step) {
      const c = list[j]!.cls;
      if (c !== 'neutral' && c !== 'mark') return c;
    }
    return null;
  };
  const resolved = list.map((p, i) => {
    if (p.cls !== 'neutral' && p.cls !== 'mark') return { text: p.text, script: p.cls, mark: false };
    const before = strong(i, -1);
    const after = strong(i, 1);
    return { text: p.text, script: neutralScript(before, after, base), mark: p.cls === 'mark' };
  });
  const merged: typeof resolved = [];
  for (const r of resolved) {
    const last = merged.at(-1);
    if (last && !last.mark && !r.mark && last.script === r.script) last.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Text XML 1.0 can carry: Word refuses a file with a control character or a lone surrogate in it.
 * Stored text is cleaned already (store/clean-text.ts); this keeps one stray character from making
 * the whole export unreadable. Windows line ends become line breaks.
 */
export function toXmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
  font?: string;
  superScript?: boolean;
}

/**
 * Runs for `text` in `language` (the source's, for quotes and titles), inside a paragraph laid out
 * right to left or not. Line breaks become Word line breaks.
 */
export function textRuns(text: string, language: string | null | undefined, base: 'rtl' | 'ltr' = 'ltr', style: RunStyle = {}): TextRun[] {
  const runs: TextRun[] = [];
  const lang = runLanguage(language);
  toXmlText(text).split('\n').forEach((line, li) => {
    const list = resolve(pieces(line), base);
    if (!list.length && li > 0) runs.push(new TextRun({ text: '', break: 1 }));
    list.forEach((p, pi) => {
      // After a right-to-left piece in a left-to-right line, a left-to-right mark: separate runs do not
      // isolate (the bidi algorithm reads the whole paragraph), so without it the closing quotation
      // mark and year of "(“لاگېردىكى كۈنلەر” 2021, para. 2)" joined the Uyghur title, as <bdi> prevents in the HTML.
      const isolate = base === 'ltr' && pi > 0 && list[pi - 1]!.script === 'rtl' && p.script !== 'rtl' ? LRM : '';
      const options: IRunOptions = {
        text: isolate + p.text,
        ...(li > 0 && pi === 0 ? { break: 1 } : {}),
        ...style,
        ...(style.font ? { font: { ascii: style.font, hAnsi: style.font, cs: style.font, eastAsia: style.font } } : {}),
        language: lang,
        ...(p.script === 'rtl' ? { rightToLeft: true } : {}),
        ...(p.script === 'cjk' ? { font: { hint: 'eastAsia', ...(style.font ? { ascii: style.font, hAnsi: style.font } : {}) } } : {}),
        // a bar that hides nothing but shows where text was taken out: the text itself is already gone
        ...(p.mark ? { shading: { type: 'clear', fill: '000000', color: 'auto' }, color: '000000', noProof: true } : {}),
      };
      runs.push(new TextRun(options));
    });
  });
  return runs;
}

/** Paragraphs at blank lines, as the HTML renderer cuts them; single line breaks stay inside. */
export function paragraphTexts(text: string): string[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
