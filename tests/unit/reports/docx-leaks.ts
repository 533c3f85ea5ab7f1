/** The DOCX leak check (issue 21), shared by the DOCX tests of reports and of the timeline section (issue 18). */
import { strFromU8 } from 'fflate';
import { decodeXml, partWords } from '../../helpers/docx-read.ts';
import { squeeze } from './redaction-forms.ts';

/** Every secret found in any part of the zip: as written, in the words of the part (runs joined), squeezed. */
export function docxLeaks(parts: Record<string, Uint8Array>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    const raw = decodeXml(strFromU8(bytes));
    const words = partWords(bytes);
    const utf16 = new TextDecoder('utf-16le').decode(bytes);
    for (const secret of secrets) {
      const squeezed = squeeze(secret);
      if (raw.includes(secret) || words.includes(secret) || utf16.includes(secret) || squeeze(words).includes(squeezed) || name.includes(secret)) found.push(`${name}: ${secret}`);
    }
  }
  return found;
}
