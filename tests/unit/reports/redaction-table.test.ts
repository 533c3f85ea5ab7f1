/**
 * Issue 13, items 1–3: every written form of the redaction table is absent from every export (PDF
 * raw bytes and pdfjs text, HTML, Markdown, CSV, JSON, QDPX, redaction log); context cut next to a
 * number or an address leaks nothing; no hash covering redacted text is published; dates, years
 * and article numbers stay (seed article, UDHR). One PDF print for the whole table.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { createChromiumPrinter } from '../../../src/main/reports/pdf-chromium.ts';
import { applyRedactions, detect, REDACTION_MARK } from '../../../src/main/reports/redaction.ts';
import { createSearchEngine } from '../../../src/main/search/engine.ts';
import { createService } from '../../../src/main/service.ts';
import { verifyAnnotations } from '../../../src/main/reports/verify-export.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';
import { readPdf } from './pdf-text.ts';
import { FORMS, leaks, SEED_ARTICLE, SEED_EXPECTED, TERMS, udhrFalsePositives, USERS_LANGUAGES, type WrittenForm } from './redaction-forms.ts';

const RULES = { emails: true, phones: true, terms: TERMS };

/** A phone number and an address that quotes start or end inside of: their cut-off parts must not reach any context field. */
const CUT: WrittenForm[] = [
  { kind: 'phone', how: 'phone cut by a quote', form: '+7 701 555 7757', secrets: ['77015557757', '557757', '7757'] },
  { kind: 'email', how: 'address cut by a quote', form: 'li.na.source@proton.me', secrets: ['linasource', 'protonme'] },
];
const CUT_PARAGRAPH = `Reach the second source on ${CUT[0]!.form} or at ${CUT[1]!.form} before noon.`;

describe('the redaction table (detection)', () => {
  it(`catches every one of the ${FORMS.length} written forms of phones, e-mails and names`, () => {
    const missed: string[] = [];
    for (const form of FORMS) {
      const text = `Before it: ${form.form} and after it.`;
      const out = applyRedactions(text, detect(text, RULES));
      missed.push(...leaks(out, [form]));
      // the words around it stay
      expect(out, form.how).toMatch(new RegExp(`^Before it: .*${REDACTION_MARK}.* and after it\\.$`, 's'));
    }
    const byKind = (k: string) => FORMS.filter((f) => f.kind === k).length;
    console.log(`redaction table: ${FORMS.length - new Set(missed.map((m) => m.split(':')[0])).size}/${FORMS.length} forms caught (${byKind('phone')} phones, ${byKind('email')} e-mails, ${byKind('name')} names)`);
    expect(missed).toEqual([]);
    expect(FORMS.length).toBeGreaterThanOrEqual(60);
  });

  it('finds only the publisher’s contacts in the seed article: dates, years, article and case numbers stay', () => {
    const hits = detect(SEED_ARTICLE, { emails: true, phones: true, terms: [] });
    expect(hits.map((h) => h.text)).toEqual(SEED_EXPECTED);
    const out = applyRedactions(SEED_ARTICLE, hits);
    for (const kept of ['June 4, 2018', '4 June 2018', 'March 2017 to 2018', '2,500', '1 200 people', 'in 2017 16 women', 'Article 120', 'Article 3', '2017-03-29', '2018-0412', '12.10.2018', '5 000 yuan', '1.200.000 tenge', '1 500 000 000 yuan', 'ISBN 978-1-4028-9462-6', '7:30 to 21:00', '(2017–2019)', '2018/11/03', 'pages 112-118 and 23–29', 'CERD/C/CHN/CO/14-17', '30 August 2018', '12.5 kg', '2019-01-15', 'Article 19', '10 December 1948', '2014–2022']) {
      expect(out).toContain(kept);
    }
    console.log(`seed article: ${hits.length} hits, ${hits.filter((h) => !SEED_EXPECTED.includes(h.text)).length} false positives`);
  });

  it('finds nothing in the Universal Declaration in our users’ languages (the udhr package)', () => {
    const hits = udhrFalsePositives(USERS_LANGUAGES);
    console.log(`UDHR: ${hits.declarations} declarations, ${hits.numbers} numbers, ${hits.found.length} false positives`);
    expect(hits.declarations).toBeGreaterThanOrEqual(USERS_LANGUAGES.length);
    expect(hits.found).toEqual([]);
  });
});

describe('the redaction table in every export', () => {
  let app: ReturnType<typeof tempApp>;
  let search: ReturnType<typeof createSearchEngine>;
  const outputs = new Map<string, string>();
  let pdfRaw: Buffer;
  let pdfPages: string[];
  let hashes: string[];
  let source: { id: string; title: string; text: string; contentHash: string };

  beforeAll(async () => {
    app = tempApp();
    search = createSearchEngine(app.workspace);
    const h = createService({ workspace: app.workspace, search, printPdf: createChromiumPrinter() });
    const entries = FORMS.map((f, i) => `Entry ${i + 1}: ${f.form} — end of entry.`);
    const original = `Contacts of the sources\n\n${entries.join('\n\n')}\n\n${CUT_PARAGRAPH}`;
    const folder = writeFiles(app.dir, { 'contacts.txt': original });
    const imported = await call(h, 'documents:import', { paths: [folder] });
    const docId = imported.imported[0]!.id;
    // metadata with a name in it, as an import of a page titled after the witness would give
    app.workspace.db.prepare('UPDATE documents SET title = ?, author = ? WHERE id = ?').run('Testimony of Mihrigul', 'Ablimit Tursun', docId);
    const doc = await call(h, 'documents:get', { id: docId });
    const paragraphs = doc.blocks.filter((b) => doc.text.startsWith('Entry ', b.start));
    expect(paragraphs).toHaveLength(FORMS.length);
    const passageIds: string[] = [];
    for (const [i, block] of paragraphs.entries()) {
      const p = await call(h, 'passages:create', { documentId: docId, start: block.start, end: block.end, tagNames: ['Contacts'], note: `As written: ${FORMS[i]!.form}` });
      passageIds.push(p.id);
    }
    // quotes that begin inside the phone number and end inside the address (issue 13, item 2)
    const cutAt = doc.text.indexOf(CUT_PARAGRAPH);
    const phoneAt = cutAt + CUT_PARAGRAPH.indexOf(CUT[0]!.form);
    const mailAt = cutAt + CUT_PARAGRAPH.indexOf(CUT[1]!.form);
    await call(h, 'passages:create', { documentId: docId, start: phoneAt + 9, end: mailAt - 4, tagNames: ['Contacts'] });
    await call(h, 'passages:create', { documentId: docId, start: mailAt + 8, end: mailAt + CUT[1]!.form.length + 7, tagNames: ['Contacts'] });
    const tags = await call(h, 'tags:list', {});
    const report = await call(h, 'reports:create', { title: 'Contacts of Mihrigul', reportDate: null, fromTagIds: tags.map((t) => t.id), settings: { redaction: { emails: true, phones: true, terms: TERMS, keep: [] } } });
    await call(h, 'reports:update', { id: report.id, body: { sections: [{ ...report.body.sections[0]!, commentary: `Call back on ${FORMS[22]!.form} (${FORMS[22]!.how}).` }] } });

    source = { id: doc.id, title: doc.title, text: doc.text, contentHash: doc.contentHash };
    const passages = await call(h, 'passages:list', {});
    hashes = [
      createHash('sha256').update(readFileSync(path.join(folder, 'contacts.txt'))).digest('hex'),
      createHash('sha256').update(doc.text).digest('hex'),
      ...passages.map((p) => createHash('sha256').update(p.exact).digest('hex')),
    ];
    for (const format of ['pdf', 'html', 'md', 'csv', 'json', 'qdpx', 'redaction-log'] as const) {
      const result = await call(h, 'reports:export', { id: report.id, format, path: path.join(app.dir, 'out', `contacts-${format}`) });
      const bytes = readFileSync(result.path!);
      if (format === 'qdpx') {
        // Its creationDateTime is the time of the export (digits that change by the second): left out of the search.
        const project = Object.values(unzipSync(new Uint8Array(bytes))).map((b) => strFromU8(b)).join('\n');
        outputs.set(format, project.replace(/creationDateTime="[^"]*"/g, 'creationDateTime=""'));
      } else if (format === 'pdf') {
        pdfRaw = bytes;
        const back = await readPdf(result.path!);
        outputs.set('pdf (pdfjs text)', back.pages.join('\n'));
        pdfPages = back.pages;
        outputs.set('pdf (pdfjs items in visual order)', back.visual);
        // The export's own time (CreationDate, ModDate) is digits that change by the second: left out of
        // the search, or a fragment such as "1080" would be found at 11:08:0x.
        const { CreationDate: _created, ModDate: _modified, ...info } = back.info;
        outputs.set('pdf (metadata and outline)', JSON.stringify(info) + back.xmp + back.outline.join('\n'));
      } else {
        outputs.set(format, bytes.toString('utf8'));
      }
    }
  }, 180_000); // one Chromium print of a long report, on a shared machine
  afterAll(async () => {
    await search.close();
    app.cleanup();
  });

  it('leaves no form, and no part of a number or address cut by a quote, in any export', () => {
    expect([...outputs.keys()].length).toBe(9);
    for (const [format, output] of outputs) {
      // Random ids (documents, passages, REFI-QDA GUIDs) and the SHA-256 digests the appendix may show are
      // hex digits that can hold a fragment such as "7757" by chance: left out of this search, as the
      // export times are (the withheld digests are checked below on the whole output).
      const text = output.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{64}\b/gi, '<id>');
      expect(leaks(text, [...FORMS, ...CUT]), format).toEqual([]);
      expect(text, format).not.toMatch(/Mihrigul|Ablimit/i);
    }
    // the report is all there, around the marks
    for (let i = 1; i <= FORMS.length; i++) expect(outputs.get('html')).toContain(`Entry ${i}: `);
    expect(outputs.get('pdf (pdfjs text)')).toContain('█');
    // the quotes that begin inside the number and inside the address begin with the whole mark, their context ends before it
    expect(outputs.get('md')).toContain('> █████ or[^83]');
    expect(outputs.get('md')).toContain('> █████ before[^84]');
    const json = JSON.parse(outputs.get('json')!) as { first: { items: { target: { selector: { type: string; exact?: string; prefix?: string; suffix?: string }[] } }[] } };
    const selectors = json.first.items.map((i) => i.target.selector[0]!);
    expect(selectors.at(-2)).toMatchObject({ exact: '█████ or', prefix: expect.stringMatching(/the second source on $/), suffix: expect.stringMatching(/^ at █████ before/) });
    expect(selectors.at(-1)).toMatchObject({ exact: '█████ before', prefix: expect.stringMatching(/█████ or at $/) });
  });

  it('leaves no form in the PDF’s raw bytes, in UTF-8 or UTF-16', () => {
    // The Info dictionary's dates (the time of the export) are left out, as above.
    const latin1 = pdfRaw.toString('latin1').replace(/\(D:\d{14}(Z|[+-]\d{2}'\d{2}')?\)/g, '()');
    const utf16 = (s: string) => Buffer.from(s, 'utf16le').swap16().toString('latin1');
    for (const form of [...FORMS, ...CUT]) {
      // a short run of digits turns up by chance in compressed binary streams: six characters or more
      for (const s of [form.form, ...form.secrets].filter((x) => x.length >= 6)) {
        expect(latin1.includes(Buffer.from(s, 'utf8').toString('latin1')), `${form.how}: ${s}`).toBe(false);
        expect(latin1.includes(utf16(s)), `${form.how}: ${s} (UTF-16)`).toBe(false);
      }
    }
  });

  it('starts the notes right after the text, not on a page of their own (issue 14)', () => {
    const notesPage = pdfPages.findIndex((text) => /^Notes$/m.test(text));
    expect(notesPage).toBeGreaterThan(0);
    const before = pdfPages[notesPage]!.split(/^Notes$/m)[0]!.replace(/Page \d+ of \d+/, '');
    expect(before).toContain('end of entry');
  });

  it('publishes no hash that covers redacted text, says so, and keeps the positions for a verifier', () => {
    for (const [format, text] of outputs) {
      for (const hash of hashes) expect(text, format).not.toContain(hash);
    }
    expect(outputs.get('html')).toContain('Some hashes are withheld');
    expect(outputs.get('html')).toContain('dossier verify-export');
    expect(outputs.get('qdpx')).toContain('original SHA-256 withheld');
    const json = JSON.parse(outputs.get('json')!) as { first: { items: { target: { source: { id: string }; selector: { type: string }[] } }[] } };
    for (const item of json.first.items) {
      expect(item.target.source.id).toMatch(/^urn:uuid:/);
      expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    }
    // a verifier with the original finds every quote, those cut inside a number or an address too
    const checks = verifyAnnotations(json, [source], 'contacts.json');
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks).toHaveLength(FORMS.length + 2);
  });
});
