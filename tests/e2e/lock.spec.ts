/**
 * Issue 20 in the browser against the real session: "Lock this investigation…", the recovery key
 * shown once as twelve words, the locked badge, a wrong passphrase said in one sentence, unlocking.
 */
import path from 'node:path';
import { connectPageSession, type SessionBridge } from './bridge.ts';
import { expect, test as base } from './fixtures.ts';

const test = base.extend<{ session: SessionBridge }>({
  session: async ({ page, tmp, rendererUrl }, use) => {
    const session = await connectPageSession(page, path.join(tmp, 'user-data'));
    await page.goto(rendererUrl);
    await use(session);
    session.session.dispose();
  },
});

test('lock an investigation, write down the recovery key, close it and unlock it again', async ({ page, session, shot }) => {
  test.setTimeout(90_000);
  await page.getByRole('textbox', { name: 'Name of the new investigation' }).fill('Field notes');
  await page.getByRole('button', { name: 'Create' }).click();
  const menu = page.getByRole('button', { name: 'Investigation: Field notes' });
  await expect(menu).toBeVisible();

  await menu.click();
  await page.getByRole('menuitem', { name: 'Lock this investigation…' }).click();
  const lock = page.getByRole('dialog', { name: 'Lock "Field notes"' });
  await lock.getByLabel('Passphrase (a few unrelated words are best)').fill('tin lantern morning 7');
  await lock.getByLabel('The same passphrase again').fill('tin lantern morning 8');
  await expect(lock.getByText('The two passphrases differ.')).toBeVisible();
  await expect(lock.getByRole('button', { name: 'Lock' })).toBeDisabled();
  await lock.getByLabel('The same passphrase again').fill('tin lantern morning 7');
  await lock.getByRole('button', { name: 'Lock' }).click();

  const recovery = page.getByRole('dialog', { name: 'Write down the recovery key' });
  await expect(recovery.getByRole('list', { name: 'Recovery key (12 words)' }).getByRole('listitem')).toHaveCount(12);
  await shot('lock-01-recovery-key');
  await recovery.getByRole('button', { name: 'I have written it down' }).click();
  await expect(recovery).toHaveCount(0);
  expect(session.session.current()?.app.workspace.lock).toBeDefined();

  await menu.click();
  await page.getByRole('menuitem', { name: 'Close investigation' }).click();
  const item = page.getByRole('button', { name: /Field notes\s*locked/ });
  await expect(item).toBeVisible();
  await item.click();
  const unlock = page.getByRole('dialog', { name: 'Unlock "Field notes"' });
  await unlock.getByLabel('Passphrase').fill('tin lantern morning 9');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toHaveText('The passphrase is wrong. Nothing was opened or changed; type it again (capitals and spaces count).');
  await shot('lock-02-wrong-passphrase');
  await unlock.getByLabel('Passphrase').fill('tin lantern morning 7');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock).toHaveCount(0);
  await expect(menu).toBeVisible();

  // A new investigation locked from the start: its recovery key is shown once too.
  await menu.click();
  await page.getByRole('menuitem', { name: 'New investigation…' }).click();
  const create = page.getByRole('dialog', { name: 'New investigation' });
  await create.getByLabel('Name of the new investigation').fill('Second source');
  await create.getByLabel(/Lock it with a passphrase/).check();
  await expect(create.getByRole('button', { name: 'Create' })).toBeDisabled();
  await create.getByLabel('Passphrase (a few unrelated words are best)').fill('copper field window 3');
  await create.getByLabel('The same passphrase again').fill('copper field window 3');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('dialog', { name: 'Write down the recovery key' }).getByRole('listitem')).toHaveCount(12);
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await expect(page.getByRole('button', { name: 'Investigation: Second source' })).toBeVisible();
  expect(session.session.current()?.app.workspace.lock).toBeDefined();
});
