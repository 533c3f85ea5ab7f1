/**
 * Known text in the six languages Dossier recognises (issue 16), written for these tests, and
 * the HTML that prints it: the OCR test and `npm run bench:ocr` compare what Tesseract reads
 * with it. Sentences of the kind the users file: testimony about detention.
 */
import { PDFDocument } from 'pdf-lib';

export const OCR_SAMPLES = {
  en: [
    'One Kazakh man said he was given three steamed buns per day.',
    'The guards woke the prisoners at five and made them sing before meals.',
    'Her brother confirmed the dates of the arrest to the researchers.',
  ],
  ru: [
    'Один казах рассказал, что ему давали три булочки в день.',
    'Охранники будили заключённых в пять утра и заставляли петь.',
    'Её брат подтвердил даты ареста исследователям.',
  ],
  zh: ['一名哈萨克族男子说他每天只得到三个馒头。', '看守每天早上五点叫醒囚犯并让他们唱歌。', '她的哥哥向研究人员证实了被捕的日期。'],
  kk: [
    'Бір қазақ ер адам оған күніне үш тоқаш берілгенін айтты.',
    'Күзетшілер тұтқындарды таңғы бесте оятып, ән айтқызды.',
    'Оның ағасы қамауға алынған күнді растады.',
  ],
  ug: ['بىر قازاق ئەر ئۇنىڭغا كۈنىگە ئۈچ ھور نان بېرىلگەنلىكىنى ئېيتتى.', 'قاراۋۇللار مەھبۇسلارنى سەھەر بەشتە ئويغىتىپ ناخشا ئېيتقۇزدى.', 'ئۇنىڭ ئاكىسى قولغا ئېلىنغان كۈننى دەلىللىدى.'],
  ar: ['قال رجل كازاخي إنه كان يحصل على ثلاث قطع خبز في اليوم.', 'كان الحراس يوقظون السجناء في الخامسة ويجبرونهم على الغناء.', 'أكد شقيقها تواريخ الاعتقال للباحثين.'],
} as const;

export type SampleLanguage = keyof typeof OCR_SAMPLES;

const RTL = new Set<SampleLanguage>(['ug', 'ar']);
const FONTS: Record<SampleLanguage, string> = {
  en: "'Noto Serif', serif",
  ru: "'Noto Serif', serif",
  kk: "'Noto Serif', serif",
  zh: "'Noto Sans CJK SC', sans-serif",
  ug: "'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif",
  ar: "'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif",
};

/** One page of the sample: each sentence a paragraph, 13 pt, with a page transform (a skew) or a noise overlay if asked. */
export function sampleHtml(language: SampleLanguage, options: { skewDeg?: number; noise?: boolean; lines?: readonly string[] } = {}): string {
  const lines = options.lines ?? OCR_SAMPLES[language];
  const noise = options.noise
    ? `<div style="position:fixed;inset:0;background-image:radial-gradient(#0006 0.5px,transparent 0.6px),radial-gradient(#0004 0.4px,transparent 0.5px);background-size:7px 9px,11px 5px;background-position:0 0,3px 2px"></div>`
    : '';
  return `<!doctype html><html lang="${language}" dir="${RTL.has(language) ? 'rtl' : 'ltr'}"><meta charset="utf-8">
<body style="margin:0;background:#fff"><div style="padding:48px 64px;font:13pt/1.6 ${FONTS[language]};color:#111;transform:rotate(${options.skewDeg ?? 0}deg);transform-origin:top left">
${lines.map((l) => `<p style="margin:0 0 10pt">${l}</p>`).join('\n')}</div>${noise}</body></html>`;
}

/** An image-only PDF: each PNG a page (A4 wide, as tall as the image's shape), no text layer. */
export async function imageOnlyPdf(pngs: Uint8Array[], options: { textFirstPage?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.textFirstPage) {
    const { StandardFonts } = await import('pdf-lib');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText(options.textFirstPage, { x: 50, y: 780, size: 12, font });
  }
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    const height = (595 * image.height) / image.width;
    doc.addPage([595, height]).drawImage(image, { x: 0, y: 0, width: 595, height });
  }
  return doc.save({ useObjectStreams: false });
}

/** Levenshtein distance over code points, for the character error rate. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/** Character error rate of `read` against `truth`, whitespace ignored (Chinese has none, OCR spacing varies), NFKC on both. */
export function characterErrorRate(truth: string, read: string): number {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const t = norm(truth);
  return t.length ? editDistance(t, norm(read)) / [...t].length : 0;
}
