import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { splitMbox } from '../../../src/main/importers/email.ts';
import { tempApps } from '../../helpers/temp-apps.ts';
import { importFiles } from './import-helper.ts';

// Issue 13 items 7–8 and issue 14 item 1: one odd message never loses a mailbox, every message
// reaches mailparser as its own bytes, and a body whose declared charset lies is decoded and flagged.
const newApp = tempApps();

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

const message = (from: string, subject: string, headers: string[], body: string) =>
  [`From ${from} Mon Jun  4 09:00:00 2018`, `From: ${from}`, `Subject: ${subject}`, 'Date: Mon, 04 Jun 2018 09:00:00 +0000', ...headers, '', body, ''].join('\n');

describe('MBOX', () => {
  it('keeps 8-bit UTF-8 messages in Kazakh, Russian and Chinese exactly as written', async () => {
    const headers = ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'];
    const kazakh = 'Бостандық туралы хабар. Қамаудағы адамдар туралы куәлік берді, олар лагерьде бірнеше ай болды.';
    const russian = 'Свидетельство о задержании: его держали в лагере три месяца, без суда и без адвоката.';
    const chinese = '他在营地里被关押了三个月，没有经过审判，也没有律师。他的家人至今不知道他在哪里。';
    const mbox = [
      message('a@example.org', 'Бостандық туралы хабар', headers, kazakh),
      message('b@example.org', 'Свидетельство', headers, russian),
      message('c@example.org', '营地的证词', headers, chinese),
    ].join('\n');
    const { summary, docs } = await importFiles(newApp(), { 'tips.mbox': utf8(mbox) });
    expect(summary.failed).toEqual([]);
    const byTitle = Object.fromEntries(docs.map((d) => [d.title, d]));
    expect(Object.keys(byTitle).sort()).toEqual(['Бостандық туралы хабар', 'Свидетельство', '营地的证词'].sort());
    expect(byTitle['Бостандық туралы хабар']!.text).toBe(`Бостандық туралы хабар\n\n${kazakh}`);
    expect(byTitle['Свидетельство']!.text).toBe(`Свидетельство\n\n${russian}`);
    expect(byTitle['营地的证词']!.text).toBe(`营地的证词\n\n${chinese}`);
    for (const doc of docs) expect(doc.reviewFlags).toEqual([]);
    expect(byTitle['Бостандық туралы хабар']!.language).toBe('kk');
  });

  it('splits only at a "From " line after a blank line that starts a message, and unquotes ">From "', () => {
    const mbox = [
      'From a@example.org Mon Jun  4 09:00:00 2018',
      'Subject: one',
      '',
      'He wrote to us.',
      'From the camp, he said, nobody leaves.',
      '',
      'From that day on he was silent.',
      '>From the archive, quoted.',
      '>>From twice quoted.',
      '',
      'From b@example.org Tue Jun  5 09:00:00 2018',
      'Subject: two',
      '',
      'Second.',
      '',
    ].join('\r\n');
    const messages = splitMbox(utf8(mbox), 'x.mbox').map((m) => new TextDecoder().decode(m));
    expect(messages).toEqual([
      'Subject: one\r\n\r\nHe wrote to us.\r\nFrom the camp, he said, nobody leaves.\r\n\r\nFrom that day on he was silent.\r\nFrom the archive, quoted.\r\n>From twice quoted.\r\n',
      'Subject: two\r\n\r\nSecond.\r\n',
    ]);
  });

  it('imports the other messages when one has no text (an image only) or cannot be read', async () => {
    const imageOnly = [
      'From p@example.org Mon Jun  4 09:00:00 2018',
      'From: p@example.org',
      'Subject: Photo of the gate',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: image/jpeg; name="gate.jpg"',
      'Content-Disposition: attachment; filename="gate.jpg"',
      'Content-Transfer-Encoding: base64',
      '',
      '/9j/4AAQSkZJRgABAQ==',
      '--b--',
      '',
    ].join('\n');
    const empty = ['From q@example.org Mon Jun  4 09:00:00 2018', 'From: q@example.org', 'Date: Mon, 04 Jun 2018 09:00:00 +0000', '', '', ''].join('\n');
    const mbox = [message('a@example.org', 'First tip', [], 'The first tip.'), imageOnly, empty, message('b@example.org', 'Last tip', [], 'The last tip.')].join('\n');
    const { summary, docs } = await importFiles(newApp(), { 'tips.mbox': utf8(mbox) });
    expect(docs.map((d) => d.title).sort()).toEqual(['First tip', 'Last tip', 'Photo of the gate']);
    const photo = docs.find((d) => d.title === 'Photo of the gate')!;
    expect(photo.text).toBe('Photo of the gate\n\nThis message has no text. Its attachments: gate.jpg (image/jpeg, 1 KB).');
    expect(photo.meta.attachmentsOnly).toBe(true);
    expect(photo.reviewFlags.join(' ')).toMatch(/no text of its own/);
    expect(summary.failed).toEqual([{ path: expect.stringMatching(/tips\.mbox$/), code: 'EMPTY', message: 'tips #3.eml has no readable text.' }]);
  });
});

describe('e-mail bodies whose declared charset lies', () => {
  const mail = (charset: string, body: Uint8Array) =>
    concat(
      utf8(['From: w@example.org', 'Subject: Testimony', 'MIME-Version: 1.0', `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n')),
      body,
    );
  const chinese = '他在营地里被关押了三个月，没有经过审判，也没有律师。他的家人至今不知道他在哪里，也没有收到任何通知。';

  it('reads GB18030 labelled UTF-8 as GB18030, and flags the guess', async () => {
    const { doc } = await importFiles(newApp(), { 'gb.eml': mail('utf-8', iconv.encode(chinese, 'gb18030')) });
    const stored = doc('gb.eml');
    expect(stored.text).toBe(`Testimony\n\n${chinese}`);
    expect(stored.reviewFlags.join(' ')).toMatch(/guessed as GB18030.*declares UTF-8/);
  });

  it('reads UTF-16 labelled UTF-8 as UTF-16, with no NUL stored, and flags the guess', async () => {
    const english = 'He was held in the camp for three months without a trial.';
    const { doc } = await importFiles(newApp(), { 'le.eml': mail('utf-8', iconv.encode(english, 'utf-16le')), 'cn.eml': mail('utf-8', iconv.encode(chinese, 'utf-16le')) });
    expect(doc('le.eml').text).toBe(`Testimony\n\n${english}`);
    expect(doc('cn.eml').text).toBe(`Testimony\n\n${chinese}`);
    for (const name of ['le.eml', 'cn.eml']) {
      expect(doc(name).text).not.toContain('\0');
      expect(doc(name).reviewFlags.join(' ')).toMatch(/guessed as UTF-16LE/);
    }
  });
});
