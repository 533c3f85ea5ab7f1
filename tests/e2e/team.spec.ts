/**
 * Issue 21: a colleague's copy merged from the investigation menu, its conflicts listed in the
 * Team pane, and the agreement on a tag with a disagreement opened side by side in the two panes.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../src/main/dispatch.ts';
import { archiveOf, codedCopies } from '../helpers/team-copies.ts';
import { connectPageSession, type SessionBridge } from './bridge.ts';
import { expect, test as base } from './fixtures.ts';

const test = base.extend<{ session: SessionBridge; archive: string }>({
  session: async ({ page, tmp }, use) => {
    await use(await connectPageSession(page, path.join(tmp, 'user-data')));
  },
  // Aigerim's copy is this user's investigation; Bakyt's is the archive to merge.
  archive: async ({ session, tmp }, use) => {
    const { a, b } = await codedCopies(path.join(tmp, 'copies'));
    const mine = archiveOf(a, path.join(tmp, 'aigerim.dossier'));
    const theirs = archiveOf(b, path.join(tmp, 'bakyt.dossier'));
    await a.close();
    await b.close();
    await call(session.handlers, 'investigations:import', { path: mine });
    await use(theirs);
    session.session.dispose();
  },
});

const menu = (page: Page) => page.getByRole('button', { name: /^Investigation: / });

test('merge a colleague’s copy, see its conflicts, and review a disagreement side by side', async ({
  page,
  session,
  archive,
  rendererUrl,
  shot,
}) => {
  await page.goto(rendererUrl);
  // This copy's researcher name, in Settings beside the user's own.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Your name in this investigation' }).fill('Aigerim');
  await settings.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(settings.getByText('Passages you code here now carry “Aigerim”.')).toBeVisible();
  await shot('00-settings-researcher');
  await settings.getByRole('button', { name: 'Close' }).first().click();
  await expect(settings).toHaveCount(0);
  session.dialogs.archive = archive;
  await menu(page).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Merge an investigation…' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Merged bakyt.dossier: added 1 tag, 3 passages; updated 1 tag, 1 passage. 2 conflicts to settle are listed in the Team pane.',
  );

  await page.getByRole('button', { name: 'Team', exact: true }).click();
  const pane = page.getByLabel('Team', { exact: true }).last();
  await expect(pane.getByRole('listitem').filter({ hasText: 'tag Torture' })).toContainText('colour');
  await pane.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Torture' });
  // The pane shows what the service computes (the figures themselves are checked by hand in tests/unit/team/agreement.test.ts).
  const tagId = (await call(session.handlers, 'tags:list', {})).find((t) => t.name === 'Torture')!.id;
  const figures = await call(session.handlers, 'team:agreement', { tagId, coders: ['Aigerim', 'Bakyt'] });
  await expect(pane.locator('[data-figure="percent"]')).toHaveText(`${(figures.percent! * 100).toFixed(1)} %`);
  await expect(pane.locator('[data-figure="kappa"]')).toHaveText(figures.kappa!.toFixed(3));
  await expect(pane.locator('[data-figure="alpha"]')).toHaveText(figures.alpha!.toFixed(3));
  await expect(pane.getByText(`Over ${figures.documents.length} documents both coded.`)).toBeVisible();
  await shot('01-team-pane');

  const disagreement = pane.getByRole('list').last().getByRole('button').first();
  const first = figures.disagreements[0]!;
  await expect(disagreement).toContainText(`${first.documentTitle} · only ${first.codedBy}`);
  await disagreement.click();
  await expect(page.getByRole('region', { name: 'Left pane' })).toContainText(first.documentTitle);
  await expect(page.getByRole('region', { name: 'Right pane' })).toContainText(first.documentTitle);
  await shot('02-disagreement-side-by-side');
});
