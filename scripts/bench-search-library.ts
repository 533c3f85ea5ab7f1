/**
 * The library's figures (issue 17): the first window of documents:page as the app asks it on
 * opening (newest first, 100 rows, with the counts and languages), then windows at spread offsets
 * in title order, as scrolling asks them. In a child process over the bench workspace.
 */
import { openApp } from '../src/main/app/open-app.ts';
import { call } from '../src/main/dispatch.ts';
import { percentile, round } from './bench-search-engines.ts';

export interface LibraryFigures {
  firstPageMs: number;
  windowMs: number;
}

export async function libraryFigures(dir: string): Promise<LibraryFigures> {
  const app = openApp(dir);
  try {
    let t0 = performance.now();
    const first = await call(app.handlers, 'documents:page', { sort: 'imported', offset: 0, limit: 100, facets: true });
    const firstPageMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const offset = Math.floor((((i * 7919) % 20) / 20) * Math.max(0, first.total - 100));
      t0 = performance.now();
      await call(app.handlers, 'documents:page', { sort: i % 2 ? 'title' : 'imported', offset, limit: 100 });
      times.push(performance.now() - t0);
    }
    return { firstPageMs: round(firstPageMs), windowMs: round(percentile(times, 0.95)) };
  } finally {
    await app.close();
  }
}
