import Markdown, { type Components } from 'react-markdown';
import { t } from '../strings/t.ts';
import { useAnalysis } from './analysis-context.ts';

/** Links inside the investigation: a passage or a document, by id. */
const INTERNAL = /^#(passage|document)\/([A-Za-z0-9_-]{1,64})$/;
/** The elements a memo may show: structure and emphasis, no images, no raw HTML (react-markdown never renders it). */
const ALLOWED = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'blockquote',
  'a',
  'hr',
  'br',
  'del',
];

/**
 * A memo's Markdown shown as React elements (react-markdown: no HTML string ever reaches the page,
 * so nothing in a memo can run). Internal links open the reader; other links are shown with their
 * address and never followed (the app is offline by construction).
 */
export function MemoView({ body }: { body: string }) {
  const analysis = useAnalysis();
  const components: Components = {
    a: ({ href, children }) => {
      const internal = href ? INTERNAL.exec(href) : null;
      if (internal) {
        const [, kind, id] = internal as unknown as [string, 'passage' | 'document', string];
        return (
          <button
            type="button"
            className="link memo-link"
            onClick={() => (kind === 'passage' ? analysis.openPassage(id) : analysis.openDocument(id))}
          >
            {children}
          </button>
        );
      }
      return (
        <span className="memo-external" title={href}>
          {children}
        </span>
      );
    },
  };
  return (
    <div className="memo-view" dir="auto">
      <Markdown allowedElements={ALLOWED} unwrapDisallowed components={components}>
        {body}
      </Markdown>
      {!body.trim() && <p className="empty">{t('memo.empty')}</p>}
    </div>
  );
}
