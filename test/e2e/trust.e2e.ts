// Bugs a first user meets (issue 17): each case failed before its fix.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { SHOTS, connect, freshApp, openExample } from './helpers';

/** Collects uncaught page errors and console errors. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('Shift + drag a box around a node, starting inside a department band, selects it and keeps the app', async ({ page }) => {
  const errors = watchErrors(page);
  await freshApp(page);
  await page.waitForTimeout(500);
  const node = (await page.locator('.react-flow__node-step').first().boundingBox())!;
  const id = await page.locator('.react-flow__node-step').first().getAttribute('data-id');
  await page.keyboard.down('Shift');
  await page.mouse.move(node.x - 12, node.y - 12);
  await page.mouse.down();
  await page.mouse.move(node.x + node.width / 2, node.y + node.height / 2, { steps: 4 });
  await page.mouse.move(node.x + node.width + 12, node.y + node.height + 12, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/trust-shift-drag.png` });
  expect(errors.filter((e) => /185|Maximum update/.test(e))).toEqual([]);
  await expect(page.getByTestId('project-title')).toBeVisible();
  await expect(page.getByTestId(`node-${id}`)).toHaveClass(/selected/);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
});

test('Shift + drag on empty canvas draws a selection box and selects no page text', async ({ page }) => {
  const errors = watchErrors(page);
  await freshApp(page);
  await page.waitForTimeout(500);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // Below every band and node: empty canvas.
  // A click in the text under the canvas leaves the caret there (what Shift + click extends).
  await page.getByTestId('checks').click();
  const x = pane.x + 300;
  const y = pane.y + pane.height - 40;
  await page.keyboard.down('Shift');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 150, y - 300, { steps: 6 });
  await expect(page.locator('.react-flow__selection')).toBeVisible();
  await page.mouse.move(x + 300, y + 20, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  expect(errors).toEqual([]);
});

test('a share link pasted into a tab that already shows Serviceflow asks, then opens the project', async ({ page }) => {
  await freshApp(page);
  const repair = JSON.parse(readFileSync('src/model/examples/repair.json', 'utf8'));
  const fragment = `project=${LZString.compressToEncodedURIComponent(JSON.stringify(repair))}`;
  await page.evaluate((h) => (window.location.hash = h), fragment);
  await expect(page.getByTestId('message')).toContainText(`Open the shared project "${repair.name}"?`);
  await page.getByTestId('link-open').click();
  await expect(page.getByTestId('project-title')).toHaveText(repair.name);
  expect(await page.evaluate(() => window.location.hash)).toBe('');
});

test('a step connected back into itself is drawn as a labelled arc over it and named in the checks', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.waitForTimeout(400);
  await connect(page, 'intake', 'intake');
  const label = page.getByTestId('edge-label-intake-to-intake');
  await expect(label).toHaveText('repeated on 10 %');
  const node = (await page.getByTestId('node-intake').boundingBox())!;
  const arc = (await page.locator('.react-flow__edge[data-id="intake-to-intake"] path').first().boundingBox())!;
  expect(arc.height).toBeGreaterThan(node.height / 2 + 10); // not a 10-pixel stub: from the handles (mid-node) to above the top
  expect(arc.y).toBeLessThan(node.y); // it rises above the node
  const labelBox = (await label.boundingBox())!;
  expect(labelBox.y + labelBox.height).toBeLessThan(node.y);
  await expect(page.getByTestId('checks')).toContainText('"Intake" is repeated on 10 % of visits');
  await page.screenshot({ path: `${SHOTS}/trust-self-loop.png` });
});

test('Restructure → Add or move staff on a step with shifts changes its shift plan, and What changed says so', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await openExample(page, 'contact-centre');
  await page.getByTestId('restructure-open').click();
  await page.getByTestId('move-staff').click();
  await page.getByTestId('staff-first-level').fill('13');
  await expect(page.getByTestId('move-preview')).toContainText('1 more on duty in every hour with staff (up to 12 → 13)');
  await page.getByTestId('staff-second-level').fill('1,000');
  await expect(page.getByTestId('move-preview')).toContainText('"Technical support" 4 → 1000');
  await page.getByTestId('staff-second-level').fill('4');
  await page.screenshot({ path: `${SHOTS}/trust-staff-shifts.png` });
  await page.getByTestId('move-apply').click();
  await page.getByTestId('what-changed').click();
  await expect(page.getByTestId('changes')).toContainText('First-level answer: 1 more on duty in every hour with staff (up to 12 → 13)');
  await expect(page.getByTestId('changes')).not.toContainText('same as the baseline');
});

test("two tabs: the other tab's newer save is noticed, and nothing is dropped without asking", async ({ page, context }) => {
  await freshApp(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('project-title')).toBeVisible();
  // Work in the first tab: another project.
  await openExample(page, 'repair');
  await expect(page.getByTestId('project-title')).toHaveText('After-sales repair');
  // The second tab is told at once and asks; it does not write its stale project over the new one.
  await expect(other.getByTestId('message')).toContainText('This project was changed in another tab');
  await other.reload(); // closing/reloading the stale tab must not overwrite the other tab's work
  await expect(other.getByTestId('project-title')).toHaveText('After-sales repair');
  // Load theirs / keep mine round trip.
  await openExample(other, 'mortgage');
  await expect(page.getByTestId('message')).toContainText('This project was changed in another tab');
  await page.getByTestId('tabs-keep-mine').click();
  await expect(other.getByTestId('message')).toContainText('This project was changed in another tab');
  await other.getByTestId('tabs-load-theirs').click();
  await expect(other.getByTestId('project-title')).toHaveText('After-sales repair');
});
