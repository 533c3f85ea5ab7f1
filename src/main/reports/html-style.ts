import type { PageSize } from '../../shared/reports.ts';

/**
 * The report's inline style sheet. Fonts are the Noto families the build machines and most desktops
 * carry; Chinese and Uyghur get their own faces through :lang(), so each script is set by a font
 * made for it rather than by whatever fallback Chromium picks. Uyghur uses Noto Sans Arabic rather
 * than Naskh: Naskh shares the glyph of Uyghur ە with Arabic heh, so text copied out of the PDF
 * came back with the wrong letter (issue 6).
 */
export function reportCss(pageSize: PageSize): string {
  return `
@page { size: ${pageSize}; }
:root { color-scheme: light; }
html { font-family: "Noto Serif", "Noto Serif CJK SC", "Noto Sans Arabic", "Noto Sans", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.5; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 46em; padding: 1.5em; }
@media print { body { padding: 0; max-width: none; } }
:lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
:lang(ja) { font-family: "Noto Serif CJK JP", "Noto Serif CJK SC", serif; }
:lang(ug), :lang(ar), :lang(fa), :lang(ur) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif; line-height: 1.8; }
h1, h2, h3 { font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", sans-serif; line-height: 1.25; break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; margin: 1.6em 0 .6em; border-bottom: 1px solid #bbb; padding-bottom: .2em; }
.cover { margin-bottom: 2em; }
.subtitle { font-size: 14pt; margin: 0 0 .8em; color: #333; }
.byline, .date { margin: 0; color: #333; }
.contents ol { padding-left: 1.4em; }
.commentary p, .item-commentary p { margin: .4em 0; }
.memo { border-left: 3px solid #8a8a8a; padding: .2em .8em; margin: .8em 0; background: #f6f6f4; }
.memo-heading { font-weight: bold; margin: .3em 0; }
.memo-author { font-weight: normal; color: #555; }
.quote { margin: 1em 0 1.2em; break-inside: avoid; }
blockquote { margin: 0; padding: .2em 0 .2em 1em; border-left: 3px solid #666; }
blockquote[dir="rtl"] { padding: .2em 1em .2em 0; border-left: 0; border-right: 3px solid #666; }
blockquote p { margin: .3em 0; }
.cite { font-size: 9.5pt; color: #333; margin: .3em 0 0 1.2em; }
.note { font-size: 9.5pt; color: #333; margin: .3em 0 0 1.2em; font-style: italic; }
.item-commentary { margin: .4em 0 0 1.2em; }
.missing { color: #a00; font-style: italic; }
sup.ref { font-size: 7.5pt; line-height: 0; }
sup.ref a, .notes a { color: inherit; text-decoration: none; }
/* Notes follow the text without a forced page break (a near-empty page before them otherwise).
   Their heading's space above is padding, not margin: a margin truncated at the top of a page made
   Chromium's outline read "NotesNotes" (issue 14). */
.notes { padding-top: 1.6em; }
.notes h2 { margin-top: 0; }
.notes ol, .sources ol { padding-left: 1.8em; font-size: 9.5pt; }
.notes li, .sources li { margin: .25em 0; }
.url { word-break: break-all; }
.redacted { background: #000; color: #000; letter-spacing: -1px; }
.appendix { font-size: 8.5pt; }
.appendix table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.appendix th, .appendix td { border: 1px solid #bbb; padding: .25em .4em; vertical-align: top; text-align: start; word-break: break-all; }
.appendix th:first-child, .appendix td:first-child { width: 2.2em; }
.contents li.unnumbered { list-style: none; }
.timeline-events { list-style: none; padding: 0; }
.timeline .event { margin: .8em 0 1em; break-inside: avoid; }
.event-head { margin: 0 0 .2em; }
.event-head time { font-weight: bold; }
.event-kind { color: #555; }
.event-entities { font-size: 9.5pt; color: #333; margin: .3em 0 0 1.2em; }
.timeline-groups { font-size: 9.5pt; padding-left: 1.4em; }
.hash { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
`;
}
