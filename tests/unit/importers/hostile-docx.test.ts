import { Unzip, UnzipInflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempApps } from '../../helpers/temp-apps.ts';
import { hiddenBombDocx, makeDocx, overlappingBombDocx, para } from './fixtures.ts';
import { importFiles } from './import-helper.ts';

// Issue 13, item 6: a zip bomb hidden from a streaming check is refused by the sizes the parser itself would use.
const newApp = tempApps();

const BOMB = 'expands to far more data than its size (a "zip bomb"); it was not opened.';

/** The entry names a streaming reader (local headers, one after the other) finds. */
function streamedNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  const unzip = new Unzip((file) => names.push(file.name));
  unzip.register(UnzipInflate);
  unzip.push(zip, true);
  return names;
}

describe('DOCX zip bombs', () => {
  it('refuses a bomb whose record a previous local header swallows, and imports the rest of the batch', async () => {
    const hidden = hiddenBombDocx(24 * 1024 * 1024);
    // The fixture does what it says: a streaming reader never meets word/document.xml.
    expect(streamedNames(hidden)).not.toContain('word/document.xml');
    expect(hidden.byteLength).toBeLessThan(200_000);
    const good = makeDocx(para('The witness described the gate.'));
    const { summary, failure, docs } = await importFiles(newApp(), { 'hidden.docx': hidden, 'good.docx': good });
    expect(failure('hidden.docx')).toMatchObject({ code: 'TOO_LARGE', message: `hidden.docx ${BOMB}` });
    expect(docs.map((d) => d.originalName)).toEqual(['good.docx']);
    expect(summary.imported).toHaveLength(1);
  });

  it('refuses entries that overlap in the file, counted once per entry as a parser inflates them', async () => {
    const overlapping = overlappingBombDocx(300, 100 * 1024);
    const { failure } = await importFiles(newApp(), { 'overlap.docx': overlapping });
    expect(failure('overlap.docx')).toMatchObject({ code: 'TOO_LARGE', message: `overlap.docx ${BOMB}` });
  });

  it('still reads an honest document whose text inflates well past its size', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => para(`Paragraph ${i} of the long interview, repeated for the record.`)).join('');
    const { doc } = await importFiles(newApp(), { 'long.docx': makeDocx(paragraphs) });
    expect(doc('long.docx').blocks).toHaveLength(3000);
  });
});
