import type { Page } from '@playwright/test';

/**
 * Selects `quote` inside the pane even when it spans several highlights or marked search words
 * (several text nodes), once the text is rendered there (it waits, as a user would look).
 */
export async function selectAcross(page: Page, quote: string, paneSelector: string): Promise<void> {
  const found = await page.waitForFunction(
    ([q, sel]) => {
      for (const block of document.querySelectorAll<HTMLElement>(`${sel} [data-start]`)) {
        const at = block.textContent!.indexOf(q);
        if (at < 0) continue;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length;
          if (at >= seen && at <= seen + len) range.setStart(node, at - seen);
          if (at + q.length >= seen && at + q.length <= seen + len) {
            range.setEnd(node, at + q.length - seen);
            break;
          }
          seen += len;
        }
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return true;
      }
      return false;
    },
    [quote, paneSelector] as const,
    { timeout: 10_000 },
  ).catch(() => null);
  if (!found) throw new Error(`"${quote}" is not in ${paneSelector}`);
}
