/**
 * Issue 21, item 7: agreement between two researchers on a tag, checked against figures worked
 * out by hand from the definitions, on a text whose units are easy to count.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openApp, type OpenedApp } from '../../../src/main/app/open-app.ts';
import { call, dispatch } from '../../../src/main/dispatch.ts';
import { agreementFigures } from '../../../src/main/team/agreement.ts';
import { tempDir } from '../../helpers/temp-workspace.ts';

// Four words of ten letters: 40 units. The last word is ten letters outside the BMP (20 UTF-16 code
// units), which must count as ten units, not twenty. Whitespace is not a unit.
const WORDS = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', '𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏'];
const TEXT = `Four words\n\n${WORDS.join(' ')}`;
const ONLY_A = 'Coded by one\n\nOnly one researcher coded this document, so it does not count.';

describe('inter-coder agreement', () => {
  const { dir, cleanup } = tempDir('dossier-agreement-');
  const workspace = path.join(dir, 'ws');
  let app: OpenedApp;
  let tagId: string;
  let docId: string;

  const as = async (researcher: string, work: (app: OpenedApp) => Promise<unknown>) => {
    const own = openApp(workspace, { researcher });
    try {
      await work(own);
    } finally {
      await own.close();
    }
  };
  const at = (word: string, withSpace = false) => {
    const start = TEXT.indexOf(word);
    return { start, end: start + word.length + (withSpace ? 1 : 0) };
  };

  beforeAll(async () => {
    const setup = openApp(workspace);
    const { imported } = await call(setup.handlers, 'documents:importData', {
      files: [
        { name: 'words.txt', data: new TextEncoder().encode(TEXT) },
        { name: 'one.txt', data: new TextEncoder().encode(ONLY_A) },
      ],
    });
    docId = imported.find((d) => d.title === 'Four words')!.id;
    const other = imported.find((d) => d.title === 'Coded by one')!.id;
    tagId = (await call(setup.handlers, 'tags:create', { name: 'Torture' })).id;
    await setup.close();
    // Aigerim codes words 1–2 (20 units), in one passage; Bakyt codes word 2 only (10 units), taking in the space after it.
    await as('Aigerim', async (a) => {
      await call(a.handlers, 'passages:create', {
        documentId: docId,
        start: at(WORDS[0]!).start,
        end: at(WORDS[1]!).end,
        tagIds: [tagId],
      });
      await call(a.handlers, 'passages:create', { documentId: other, start: 15, end: 40, tagIds: [tagId] });
    });
    await as('Bakyt', async (b) => {
      await call(b.handlers, 'passages:create', { documentId: docId, ...at(WORDS[1]!, true), tagIds: [tagId] });
    });
    app = openApp(workspace);
  });
  afterAll(async () => {
    await app?.close();
    cleanup();
  });

  it('counts each non-whitespace character of the documents both coded once, and gives the figures worked out by hand', async () => {
    const report = await call(app.handlers, 'team:agreement', { tagId });
    expect(report.coders).toEqual(['Aigerim', 'Bakyt']);
    expect(report.documents.map((d) => d.title)).toEqual(['Four words']);
    // Units: "Four words" (9) + 40. Both: the b's (10). Aigerim only: the a's (10). Bakyt only: none
    // (the space he took in is not a unit). Neither: "Fourwords" + c's + 𝕏's = 9 + 10 + 10.
    expect(report.counts).toEqual({ both: 10, firstOnly: 10, secondOnly: 0, neither: 29 });
    // By hand, N = 49:
    //   percent = (10 + 29) / 49                                    = 0.795918…
    //   p(A codes) = 20/49, p(B codes) = 10/49
    //   chance = (20/49)(10/49) + (29/49)(39/49) = (200 + 1131)/2401 = 1331/2401
    //   kappa = (39/49 − 1331/2401) / (1 − 1331/2401) = (1911 − 1331)/(2401 − 1331) = 580/1070 = 0.542056…
    //   alpha: n = 98 values; coded 2·10 + 10 = 30, not coded 2·29 + 10 = 68; disagreeing pairs 10
    //   alpha = 1 − (98 − 1)·10 / (30·68) = 1 − 970/2040 = 0.524509…
    expect(report.percent).toBeCloseTo(39 / 49, 10);
    expect(report.kappa).toBeCloseTo(580 / 1070, 10);
    expect(report.alpha).toBeCloseTo(1 - 970 / 2040, 10);
    expect(report.disagreements).toEqual([
      {
        documentId: docId,
        documentTitle: 'Four words',
        start: at(WORDS[0]!).start,
        end: at(WORDS[0]!).end + 1,
        text: WORDS[0],
        codedBy: 'Aigerim',
        otherSpan: at(WORDS[1]!, true),
      },
    ]);
    expect(report.unit).toMatch(/non-whitespace character/);
  });

  it('matches textbook values on the four counts alone, and says when a figure is undefined', () => {
    // Perfect agreement with variation: all three are 1.
    expect(agreementFigures({ both: 5, firstOnly: 0, secondOnly: 0, neither: 5 })).toEqual({ percent: 1, kappa: 1, alpha: 1 });
    // Half the units each, crossing: kappa 0 (chance level); alpha = 1 − 79·20/(40·40) = 0.0125.
    const crossing = agreementFigures({ both: 10, firstOnly: 10, secondOnly: 10, neither: 10 });
    expect(crossing.percent).toBe(0.5);
    expect(crossing.kappa).toBeCloseTo(0, 12);
    expect(crossing.alpha).toBeCloseTo(0.0125, 12);
    // Nobody coded anything: agreement is total but kappa and alpha are undefined (no variation).
    expect(agreementFigures({ both: 0, firstOnly: 0, secondOnly: 0, neither: 8 })).toEqual({
      percent: 1,
      kappa: null,
      alpha: null,
    });
    expect(agreementFigures({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toEqual({
      percent: null,
      kappa: null,
      alpha: null,
    });
  });

  it('exports the figures and the disagreements as CSV', async () => {
    const file = path.join(dir, 'agreement.csv');
    const written = await call(app.handlers, 'team:exportAgreement', { tagId, path: file });
    expect(written.path).toBe(file);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('tag,researcher_1,researcher_2,percent,kappa,alpha,units,both,first_only,second_only,neither');
    expect(lines[1]).toBe('Torture,Aigerim,Bakyt,0.7959,0.5421,0.5245,49,10,10,0,29');
    expect(lines[4]).toBe(`${docId},Four words,${at(WORDS[0]!).start},${at(WORDS[0]!).end + 1},Aigerim,aaaaaaaaaa`);
  });

  it('refuses clearly when there is no second researcher to compare or the two are the same', async () => {
    expect(await dispatch(app.handlers, 'team:agreement', { tagId, coders: ['Aigerim', 'Aigerim'] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await dispatch(app.handlers, 'team:agreement', { tagId, coders: ['Aigerim', 'Nobody'] })).toMatchObject({
      ok: true,
      value: { documents: [], percent: null },
    });
  });
});
