/**
 * Tesseract reads all the languages of a run from one folder. The data ships gzipped in several
 * packages, so it is unpacked once into a cache folder (in the workspace or the temp dir) that
 * becomes tesseract.js's langPath: a local path, never a URL, so nothing is ever fetched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TESSERACT_CODE, traineddataFile, type OcrLanguage } from './languages.ts';

export function prepareTessdata(languages: readonly OcrLanguage[], dir: string, resourcesDir?: string): string {
  mkdirSync(dir, { recursive: true });
  for (const language of languages) {
    const target = path.join(dir, `${TESSERACT_CODE[language]}.traineddata`);
    if (existsSync(target)) continue;
    const data = gunzipSync(readFileSync(traineddataFile(language, resourcesDir)));
    // Written whole then renamed: a second engine never reads a half-written file.
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, target);
  }
  return dir;
}
