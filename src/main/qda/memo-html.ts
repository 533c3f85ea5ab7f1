/**
 * A memo's Markdown as HTML for reports (issue 21): parsed by mdast-util-from-markdown (CommonMark;
 * raw HTML in a memo stays text, mdast-util-to-hast never passes it through), then cleaned by the
 * importers' one sanitiser with the policy of src/shared/html-policy.ts, like any HTML Dossier
 * keeps. Links inside the investigation (#passage/ID, #document/ID) mean nothing in an exported
 * report, so they become their words.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { sanitizeNodes } from '../importers/sanitize.ts';

export const INTERNAL_LINK = /^#(passage|document)\/[A-Za-z0-9_-]{1,64}$/;

function unwrapInternalLinks(nodes: readonly (RootContent | ElementContent)[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'doctype') return [];
    if (node.type !== 'element') return [node];
    const element = node as Element;
    const children = unwrapInternalLinks(element.children);
    if (element.tagName === 'a' && typeof element.properties.href === 'string' && INTERNAL_LINK.test(element.properties.href)) return children;
    return [{ ...element, children }];
  });
}

export function memoToHtml(markdown: string): string {
  const hast = toHast(fromMarkdown(markdown)) as Root;
  return sanitizeNodes(unwrapInternalLinks(hast.children)).html;
}

/** The memo's Markdown with internal links reduced to their words, for a Markdown export of a report. */
export function memoForMarkdown(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\(#(?:passage|document)\/[A-Za-z0-9_-]{1,64}\)/g, '$1');
}
