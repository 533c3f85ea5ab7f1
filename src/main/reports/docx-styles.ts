/**
 * The DOCX export's styles (issue 21): the PDF's look (html-style.ts) as Word styles, so a user can
 * restyle the whole report in Word at once. Each script has its face in its own font slot: Latin and
 * Cyrillic (Kazakh, Russian) Noto Serif, Chinese Noto Serif CJK SC, Arabic script (Uyghur, Arabic)
 * Noto Sans Arabic, whose Uyghur ە is its own glyph (html-style.ts says why not Naskh). Where a font
 * is missing, Word and LibreOffice substitute one for the slot's language (w:lang per run).
 */
import { BorderStyle, type IStylesOptions } from 'docx';

const BODY_FONT = { ascii: 'Noto Serif', hAnsi: 'Noto Serif', eastAsia: 'Noto Serif CJK SC', cs: 'Noto Sans Arabic' };
const HEADING_FONT = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans CJK SC', cs: 'Noto Sans Arabic' };
const GREY = '333333';
/** Sizes in half-points, as Word stores them. */
const pt = (points: number) => Math.round(points * 2);
const INDENT = 360;

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: BODY_FONT, size: pt(11), language: { value: 'en-US', eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
      paragraph: { spacing: { after: 120, line: 300 } },
    },
    title: { run: { font: HEADING_FONT, size: pt(22), bold: true, color: '111111' }, paragraph: { spacing: { after: 120 } } },
    heading1: {
      run: { font: HEADING_FONT, size: pt(15), bold: true, color: '111111' },
      paragraph: { spacing: { before: 480, after: 180 }, keepNext: true, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'BBBBBB', space: 2 } } },
    },
    // Issue 18: the timeline's "Given by two or more sources", as the HTML's h3.
    heading2: { run: { font: HEADING_FONT, size: pt(12.5), bold: true, color: '111111' }, paragraph: { spacing: { before: 300, after: 120 }, keepNext: true } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: pt(14), color: GREY } },
    { id: 'Byline', name: 'Byline', basedOn: 'Normal', next: 'Normal', run: { color: GREY }, paragraph: { spacing: { after: 0 } } },
    { id: 'ContentsHeading', name: 'Contents Heading', basedOn: 'Normal', next: 'Normal', run: { font: HEADING_FONT, bold: true }, paragraph: { spacing: { before: 360, after: 60 } } },
    { id: 'ContentsEntry', name: 'Contents Entry', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: INDENT }, spacing: { after: 0 } } },
    { id: 'Commentary', name: 'Commentary', basedOn: 'Normal', next: 'Normal' },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { before: 200, after: 60 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '666666', space: 8 } } },
    },
    // A right-to-left quote has its bar on the right, as the HTML's blockquote[dir=rtl]: LibreOffice draws w:left on the left whatever the direction.
    {
      id: 'QuoteRtl',
      name: 'Quote (right to left)',
      basedOn: 'Quote',
      next: 'Normal',
      paragraph: { border: { left: { style: BorderStyle.NONE, size: 0, color: 'auto', space: 0 }, right: { style: BorderStyle.SINGLE, size: 18, color: '666666', space: 8 } } },
    },
    { id: 'QuoteCitation', name: 'Quote Citation', basedOn: 'Normal', next: 'Normal', run: { size: pt(9.5), color: GREY }, paragraph: { indent: { left: INDENT * 2 }, spacing: { after: 60 } } },
    { id: 'QuoteNote', name: 'Quote Note', basedOn: 'QuoteCitation', next: 'Normal', run: { italics: true } },
    { id: 'ItemCommentary', name: 'Item Commentary', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: INDENT * 2 } } },
    { id: 'Missing', name: 'Missing Source', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: 'AA0000' } },
    { id: 'SourceEntry', name: 'Source Entry', basedOn: 'Normal', next: 'Normal', run: { size: pt(9.5) }, paragraph: { indent: { left: INDENT * 1.5, hanging: INDENT * 1.5 }, spacing: { after: 60 } } },
  ],
};
