import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempApp, writeFiles } from '../../helpers/temp-workspace.ts';

// lunr-languages' Russian stop list drops content words («человек», «жизнь»); Dossier uses the
// Snowball list of function words instead, so a researcher finds them.
describe('Russian content words are searchable', () => {
  const app = tempApp();
  let id = '';
  beforeAll(async () => {
    const folder = writeFiles(app.dir, {
      'udhr-ru.txt': 'Всеобщая декларация прав человека\n\nКаждый человек имеет право на жизнь, на свободу и на личную неприкосновенность.',
    });
    id = (await call(app.handlers, 'documents:import', { paths: [folder] })).imported[0]!.id;
  });
  afterAll(() => app.cleanup());

  it.each(['человек', 'Человек', 'человека', 'жизнь', 'свободу'])('finds %s', async (query) => {
    const response = await call(app.handlers, 'search:query', { query });
    expect(response.results.map((r) => r.documentId)).toEqual([id]);
  });

  it('still ignores function words alone', async () => {
    expect((await call(app.handlers, 'search:query', { query: 'и' })).results).toEqual([]);
  });
});
