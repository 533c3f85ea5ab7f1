import type { DocumentFull, ImportSummary } from '../../../src/shared/domain.ts';
import { call } from '../../../src/main/dispatch.ts';
import type { tempApp} from '../../helpers/temp-workspace.ts';
import { writeFiles } from '../../helpers/temp-workspace.ts';

export type App = ReturnType<typeof tempApp>;

/** Imports the files (name → content) as one batch and returns the summary and every stored document. */
export async function importFiles(
  app: App,
  files: Record<string, string | Uint8Array>,
): Promise<{ summary: ImportSummary; docs: DocumentFull[]; doc: (name: string) => DocumentFull; failure: (name: string) => ImportSummary['failed'][number] | undefined }> {
  const folder = writeFiles(app.dir, files);
  const summary = await call(app.handlers, 'documents:import', { paths: [folder] });
  const list = await call(app.handlers, 'documents:list', {});
  const docs = await Promise.all(list.map((d) => call(app.handlers, 'documents:get', { id: d.id })));
  return {
    summary,
    docs,
    doc: (name) => {
      const found = docs.find((d) => d.originalName === name);
      if (!found) throw new Error(`${name} was not imported: ${JSON.stringify(summary.failed)}`);
      return found;
    },
    failure: (name) => summary.failed.find((f) => f.path.endsWith(`/${name}`)),
  };
}
