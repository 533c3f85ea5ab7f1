import iconv from 'iconv-lite';
import { strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../helpers/temp-workspace.ts';
import { lieAboutSizes, makeDocx, makePdf, link, para } from './fixtures.ts';
import { importFiles, type App } from './import-helper.ts';

const ARTICLE_PARAGRAPH =
  'Relatives of detainees held in the region described repeated interrogations, confiscated passports and months without any news. ';

describe('import of every format', () => {
  const apps: App[] = [];
  const newApp = () => {
    const app = tempApp();
    apps.push(app);
    return app;
  };
  afterEach(() => apps.splice(0).forEach((a) => a.cleanup()));

  it('reads a saved news page: article body, blocks, sanitised original and metadata from meta tags, JSON-LD and the dateline', async () => {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Camp survivors speak | Example News</title>
      <meta property="og:title" content="Camp survivors speak">
      <meta property="og:site_name" content="Example News">
      <link rel="canonical" href="https://news.example.org/2018/06/camps">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Camp survivors speak","author":[{"@type":"Person","name":"Jane Roe"}],"datePublished":"2018-06-05T08:00:00+08:00"}</script>
      </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Camp survivors speak</h1>
      <p>(Ili Kazakh, Xinjiang—June 4, 2018) ${ARTICLE_PARAGRAPH.repeat(3)}</p>
      <h2>Testimony</h2><blockquote><p>They took my brother at night.</p></blockquote>
      <ul><li>Passports taken</li><li>Phones checked</li></ul>
      <p>${ARTICLE_PARAGRAPH.repeat(4)}</p></article><footer>© Example News</footer></body></html>`;
    const { summary, doc } = await importFiles(newApp(), { 'camps.html': page });
    expect(summary.failed).toEqual([]);
    const d = doc('camps.html');
    expect(d).toMatchObject({
      format: 'html',
      title: 'Camp survivors speak',
      source: 'Example News',
      author: 'Jane Roe',
      url: 'https://news.example.org/2018/06/camps',
      publishedAt: '2018-06-05',
      language: 'en',
    });
    expect(d.meta.dateline).toEqual({ place: 'Ili Kazakh, Xinjiang', date: '2018-06-04' });
    expect(d.text).toContain('They took my brother at night.');
    expect(d.text).not.toContain('Home');
    const kinds = new Set(d.blocks.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['heading', 'list-item', 'paragraph', 'quote']);
    const quote = d.blocks.find((b) => b.kind === 'quote')!;
    expect(d.text.slice(quote.start, quote.end)).toBe('They took my brother at night.');
    expect(d.originalHtml).toContain('<blockquote>');
  });

  it("takes a page's article from its own markup, <main> or schema.org's articleBody, without the furniture around it", async () => {
    const furniture = '<nav>Home World Opinion</nav><div><h3>Most read</h3><p>Unrelated celebrity story of the day.</p></div>';
    const body = (n: number) => `<h1>Report ${n}</h1><p>${ARTICLE_PARAGRAPH.repeat(3)}</p><aside>Related: sign up for our newsletter</aside><p>${ARTICLE_PARAGRAPH}</p>`;
    const { summary, doc } = await importFiles(newApp(), {
      'main.html': `<html><body>${furniture}<main>${body(1)}</main><footer>© Example</footer></body></html>`,
      'microdata.html': `<html><body>${furniture}<div itemscope itemtype="https://schema.org/NewsArticle"><div itemprop="articleBody">${body(2)}</div></div><footer>© Example</footer></body></html>`,
    });
    expect(summary.failed).toEqual([]);
    for (const [name, n] of [['main.html', 1], ['microdata.html', 2]] as const) {
      const d = doc(name);
      expect(d.meta.articleExtractedBy, name).toBe('article-element');
      expect(d.text, name).toMatch(new RegExp(`^Report ${n}\\n\\nRelatives of detainees`));
      expect(d.text, name).not.toMatch(/Home|celebrity|newsletter|©/);
    }
  });

  it('takes the dateline date when a page has no date in its metadata, and decodes a declared GBK page', async () => {
    const zh = '<html><head><meta charset="gbk"><title>新疆报道</title></head><body><p>（乌鲁木齐）2019年3月2日 当局关闭了清真寺。</p></body></html>';
    const plain = '<html><body><p>(Ili Kazakh, Xinjiang—June 4, 2018) The family has had no news.</p></body></html>';
    const { summary, doc } = await importFiles(newApp(), { 'zh.html': iconv.encode(zh, 'gbk'), 'plain.htm': plain });
    expect(summary.failed).toEqual([]);
    expect(doc('zh.html')).toMatchObject({ title: '新疆报道', language: 'zh', publishedAt: '2019-03-02', reviewFlags: [] });
    expect(doc('zh.html').text).toContain('当局关闭了清真寺');
    expect(doc('zh.html').meta.encoding).toBe('gbk');
    expect(doc('plain.htm').publishedAt).toBe('2018-06-04');
  });

  it('imports text files in GB18030, Windows-1251, UTF-16 and Uyghur UTF-8, flagging only the guess', async () => {
    const ru = 'Бывший заключённый рассказал о лагере, где его держали одиннадцать месяцев без суда и следствия.';
    const zh = '伊犁哈萨克自治州的再教育营，家属至今不知道他们的下落。';
    const ug = 'ئۇ ئۈرۈمچىدىكى لاگېردا ئون بىر ئاي تۇتۇپ تۇرۇلدى، ئائىلىسى ئۇنىڭ قەيەردىلىكىنى بىلمەيدۇ.';
    const { summary, doc } = await importFiles(newApp(), {
      'ru.txt': iconv.encode(ru, 'win1251'),
      'zh.txt': iconv.encode(zh, 'gb18030'),
      'utf16.txt': new Uint8Array([0xff, 0xfe, ...iconv.encode(ru.replace('лагере', 'тюрьме'), 'utf16le')]),
      'ug.md': `# ${ug.slice(0, 20)}\n\n${ug}`,
    });
    expect(summary.failed).toEqual([]);
    expect(doc('ru.txt')).toMatchObject({ text: ru, language: 'ru' });
    expect(doc('ru.txt').reviewFlags[0]).toMatch(/guessed as windows-1251/);
    expect(doc('zh.txt')).toMatchObject({ text: zh, language: 'zh', reviewFlags: [] });
    expect(doc('utf16.txt').text).toContain('тюрьме');
    expect(doc('ug.md').language).toBe('ug');
    expect(doc('ug.md').text).toContain(ug);
  });

  it('reads a PDF page by page with page start offsets, spaces kept, and its Info kept for review', async () => {
    const pdf = await makePdf(
      [
        ['Annual report on detention', 'Written by the research team in 2020.'],
        ['Second page begins here', 'with more findings.'],
      ],
      { title: 'Annual report on detention', author: 'Someone Unconfirmed' },
    );
    const { summary, doc } = await importFiles(newApp(), { 'report.pdf': pdf });
    expect(summary.failed).toEqual([]);
    const d = doc('report.pdf');
    expect(d.title).toBe('Annual report on detention');
    expect(d.author).toBeNull();
    expect(d.pageStarts).toHaveLength(2);
    expect(d.pageStarts![0]).toBe(0);
    expect(d.text.slice(d.pageStarts![1]!)).toMatch(/^Second page begins here/);
    expect(d.text).toContain('Written by the research team in 2020.');
    expect((d.meta.pdfInfo as Record<string, string>).Author).toBe('Someone Unconfirmed');
    expect(d.reviewFlags.join(' ')).toMatch(/title and author fields/);
  });

  it('imports a PDF with JavaScript as text only, flagged, and refuses or flags a truncated PDF, while the rest of the batch imports', async () => {
    const withScript = await makePdf([['Leaked memo text']], { javascript: true });
    const whole = await makePdf([['First page of a long report'], ['Second page'], ['Third page']]);
    const { summary, doc, failure } = await importFiles(newApp(), {
      'script.pdf': withScript,
      'truncated.pdf': whole.slice(0, Math.floor(whole.byteLength * 0.6)),
      'garbage.pdf': strToU8('%PDF-1.7\nthis is not really a pdf'),
      'fine.txt': 'A fine text file.',
    });
    const scripted = doc('script.pdf');
    expect(scripted.text).toBe('Leaked memo text');
    expect(scripted.meta.containedJavaScript).toBe(true);
    expect(scripted.reviewFlags.join(' ')).toMatch(/contains JavaScript \(in the document\); Dossier did not run it/);
    expect(JSON.stringify(scripted)).not.toMatch(/app\.alert|launchURL|evil\.example/);
    const truncated = failure('truncated.pdf');
    if (truncated) expect(truncated.message).toMatch(/truncated\.pdf /);
    else expect(doc('truncated.pdf').reviewFlags.join(' ')).toMatch(/truncated\.pdf seems truncated/);
    expect(failure('garbage.pdf')!.message).toMatch(/garbage\.pdf (is not a readable PDF|has no readable text)/);
    expect(doc('fine.txt').text).toBe('A fine text file.');
    expect(summary.imported.length).toBeGreaterThanOrEqual(2);
  });

  it('reads a Word document with headings, lists and links sanitised, and refuses zip bombs and escaping names', async () => {
    const body = [
      para('Interview notes', 'Heading1'),
      para('The witness described the facility.'),
      link('rLink', 'click me'),
      link('rWeb', 'the source'),
    ].join('');
    const docx = makeDocx(body, { title: 'Interview notes', creator: 'Field Researcher' });
    const bomb = makeDocx(para('tiny'), {}, { 'word/media/huge.bin': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    // A bomb that lies: its zip headers claim 1 KB where 40 MB inflate.
    const liar = makeDocx(para('tiny'), {}, { 'word/media/liar.bin': [new Uint8Array(40 * 1024 * 1024), { level: 9 }] });
    lieAboutSizes(liar, 'word/media/liar.bin', 1024);
    const escaping = makeDocx(para('tiny'), {}, { '../../evil.txt': strToU8('x') });
    const { doc, failure } = await importFiles(newApp(), { 'notes.docx': docx, 'bomb.docx': bomb, 'liar.docx': liar, 'escape.docx': escaping, 'broken.docx': strToU8('PK not a zip') });
    const d = doc('notes.docx');
    expect(d.format).toBe('docx');
    expect(d.title).toBe('Interview notes');
    expect(d.text).toBe('Interview notes\n\nThe witness described the facility.\n\nclick me\n\nthe source');
    expect(d.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(d.originalHtml).toContain('href="https://example.org/source"');
    expect(d.originalHtml).not.toMatch(/javascript:/i);
    expect((d.meta.docxProperties as Record<string, string>).author).toBe('Field Researcher');
    expect(failure('bomb.docx')).toMatchObject({ code: 'TOO_LARGE' });
    expect(failure('bomb.docx')!.message).toMatch(/bomb\.docx expands to far more data/);
    expect(failure('liar.docx')).toMatchObject({ code: 'TOO_LARGE' });
    expect(failure('escape.docx')!.message).toMatch(/escape\.docx contains a file named "\.\.\/\.\.\/evil\.txt"/);
    expect(failure('broken.docx')!.message).toMatch(/broken\.docx is not a valid Word document/);
  });

  it('reads an e-mail (subject, sender, date, sanitised HTML body, attachments listed) and every message of an mbox', async () => {
    const eml = [
      'From: "Ayşe Activist" <ayse@ngo.example.org>',
      'To: desk@news.example.org',
      'Subject: =?UTF-8?B?VGVzdGltb255IGZyb20gw5xyw7xtY2hp?=',
      'Date: Tue, 05 Jun 2018 10:00:00 +0000',
      'Message-ID: <abc@ngo.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>My cousin was detained.</p><script>alert(1)</script><img src="https://tracker.example/p.gif">',
      '--b1',
      'Content-Type: application/pdf; name="list.pdf"',
      'Content-Disposition: attachment; filename="list.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjcK',
      '--b1--',
      '',
    ].join('\r\n');
    const mbox = [
      'From alice@example.org Mon Jun  4 09:00:00 2018',
      'From: Alice <alice@example.org>',
      'Subject: First message',
      'Date: Mon, 04 Jun 2018 09:00:00 +0000',
      '',
      'The first body.',
      '>From here on it is quoted.',
      '',
      'From bob@example.org Tue Jun  5 09:00:00 2018',
      'From: Bob <bob@example.org>',
      'Subject: Second message',
      'Date: Tue, 05 Jun 2018 09:00:00 +0000',
      '',
      'The second body.',
      '',
    ].join('\n');
    const { summary, docs, doc } = await importFiles(newApp(), { 'tip.eml': eml, 'box.mbox': mbox });
    expect(summary.failed).toEqual([]);
    const mail = doc('tip.eml');
    expect(mail).toMatchObject({ format: 'eml', title: 'Testimony from Ürümchi', author: 'Ayşe Activist', publishedAt: '2018-06-05' });
    expect(mail.text).toBe('Testimony from Ürümchi\n\nMy cousin was detained.');
    expect(mail.originalHtml).not.toMatch(/script|tracker|<img/);
    expect(mail.meta.attachments).toEqual([{ name: 'list.pdf', contentType: 'application/pdf', bytes: 9 }]);
    expect(mail.reviewFlags.join(' ')).toMatch(/1 attachment/);
    const messages = docs.filter((d) => d.format === 'mbox').sort((a, b) => a.title.localeCompare(b.title));
    expect(messages.map((m) => [m.title, m.author, m.publishedAt])).toEqual([
      ['First message', 'Alice', '2018-06-04'],
      ['Second message', 'Bob', '2018-06-05'],
    ]);
    expect(messages[0]!.text).toContain('From here on it is quoted.');
    expect(messages[0]!.originalName).toBe('box #1.eml');
  });
});
