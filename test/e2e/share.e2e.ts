import { expect, test } from '@playwright/test';
import { SHOTS, freshApp, openExample, savedProject } from './helpers';

test('Copy link: the link opens the same project in a fresh browser', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await openExample(page, 'repair');
  await page.getByTestId('menu-share').click();
  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-status')).toHaveText('Copied to the clipboard.');
  await page.screenshot({ path: `${SHOTS}/20-share-dialog.png` });
  const url = await page.getByTestId('share-url').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const mine = await savedProject(page);

  const other = await browser.newContext(); // a different person: empty storage
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.getByTestId('project-title')).toHaveText(mine.name);
  await expect(fresh.getByTestId('message')).toHaveCount(0);
  await expect(fresh.locator('[data-testid^="node-"]')).toHaveCount(mine.scenarios[0].flow.nodes.length);
  await expect(fresh.locator('[role=tab]')).toHaveCount(mine.scenarios.length);
  expect(new URL(fresh.url()).hash).toBe(''); // reloading will not open the link again
  await other.close();
});

test('a broken link says what is wrong and keeps the user project; a good one asks first', async ({ page }) => {
  await freshApp(page);
  await openExample(page, 'contact-centre');
  const mine = await savedProject(page);
  await page.goto('about:blank');
  await page.goto('/#project=N4IgdghgtgpiBcIDCBXAzgFwJYHsQF8g');
  await expect(page.getByTestId('message')).toContainText('The shared link could not be opened');
  await expect(page.getByTestId('message')).toContainText(`Your own project "${mine.name}" is unchanged`);
  await page.screenshot({ path: `${SHOTS}/21-broken-link.png` });
  await page.getByTestId('message').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(mine.name);
  expect((await savedProject(page)).name).toBe(mine.name);

  // A valid link to another project: asked first; "Keep my project" keeps it.
  await openExample(page, 'loan');
  await page.getByTestId('menu-share').click();
  const loanLink = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  await openExample(page, 'contact-centre');
  await savedProject(page);
  await page.goto('about:blank');
  await page.goto(loanLink);
  await expect(page.getByTestId('message')).toContainText('Open the shared project "Bank loan application"?');
  await page.getByTestId('link-keep').click();
  await expect(page.getByTestId('project-title')).toHaveText(mine.name);
  await page.goto('about:blank');
  await page.goto(loanLink);
  await page.getByTestId('link-open').click();
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
});
