import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/**
 * The few DOM-like reads the importers make on a hast tree. Attributes are read by their hast
 * property name (`itemProp`, `dateTime`, `ariaHidden`); list-valued ones (`rel`) come joined.
 */
export function attr(element: Element, property: string): string | undefined {
  const value = element.properties[property];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Every element below `root` for which `test` holds, in document order (template contents left out). */
export function findAll(root: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export const byTag = (root: Root | Element, tagName: string): Element[] => findAll(root, (e) => e.tagName === tagName);

/** An element's text content, as the DOM's textContent. */
export const textOf = (node: Root | Element): string => toString(node);
