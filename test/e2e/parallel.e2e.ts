import { expect, test } from '@playwright/test';
import { SHOTS, connect, freshApp, openExample, savedProject } from './helpers';

test('parallel checks: the mortgage example splits a case into three checks and joins them; the results show the wait for the other parts', async ({ page }) => {
  await freshApp(page);
  await openExample(page, 'mortgage');
  await expect(page.getByTestId('project-title')).toHaveText('Mortgage approval');
  await page.getByTestId('tab-parallel').click();
  await expect(page.getByTestId('node-start-checks')).toContainText('Parallel split');
  await expect(page.getByTestId('node-checks-done')).toContainText('waits for all parts');
  await expect(page.locator('.sf-edge-label', { hasText: 'in parallel' })).toHaveCount(3);
  // A connection out of the split has no share: every case sends a part.
  // Click on the drawn connection (recomputed until the view has settled after fitting).
  await expect(async () => {
    const at = await page.getByTestId('rf__edge-start-checks--fraud-check').locator('path').first().evaluate((el) => {
      const path = el as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() * 0.75);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('edge-parallel')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('edge-parallel')).toContainText('at the same time');
  await expect(page.getByTestId('field-probability')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/40-parallel-flow.png` });

  await page.getByTestId('run').click();
  await expect(page.getByTestId('figures-parallel')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('comparison-parallel')).toContainText(/Mean total time falls from [\d.]+ (min|h) to [\d.]+ (min|h)/);
  const joins = page.getByTestId('join-table');
  await expect(joins).toContainText('All checks back');
  // The fraud check and the credit scoring are quicker than the surveyor: their parts wait for the valuation.
  // The join on the canvas shows the same figure.
  await expect(page.getByTestId('result-checks-done')).toContainText(/waits [\d.]+ (min|h) for the other parts/);
  const wait = await page.getByTestId('join-row-checks-done').locator('td').nth(2).innerText();
  expect(wait).toMatch(/^\d[\d.]* (min|h)/);
  await joins.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/41-parallel-results.png` });
});

test('a parallel split and a join added from the palette and connected', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('palette-split').click();
  await expect(page.getByTestId('node-parallel-split')).toBeVisible();
  await page.getByTestId('palette-join').click();
  await expect(page.getByTestId('node-join')).toBeVisible();
  await expect(page.getByTestId('join-help')).toContainText('wait here until every part');
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(400);
  await connect(page, 'parallel-split', 'join');
  const flow = (await savedProject(page)).scenarios[0].flow;
  expect(flow.nodes.map((n: any) => n.kind)).toEqual(expect.arrayContaining(['split', 'join']));
  const e = flow.edges.find((x: any) => x.source === 'parallel-split');
  expect(e.target).toBe('join');
  expect(e.probability).toBeUndefined();
});

test('Watch plays parallel work: parts move to every check at once and meet again at the join', async ({ page }) => {
  await freshApp(page);
  await openExample(page, 'mortgage');
  await page.getByTestId('tab-parallel').click();
  await page.getByTestId('watch-open').click();
  await expect(page.getByTestId('watch-pane-parallel')).toBeVisible();
  await page.getByTestId('watch-speed').selectOption('10000');
  const served = page.getByTestId('watch-pane-parallel').locator('[data-k="served"]');
  await expect.poll(async () => Number((await served.innerText()).replace(/\D/g, '')), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/42-parallel-watch.png` });
});

test('Restructure: “Work in parallel” turns checks done one after another into parallel work, and the comparison shows the gain', async ({ page }) => {
  await freshApp(page);
  await openExample(page, 'mortgage');
  await page.getByTestId('restructure-open').click();
  await page.getByTestId('move-parallel').click();
  await page.getByTestId('move-pick-credit-scoring').check();
  await page.getByTestId('move-pick-valuation').check();
  await expect(page.getByTestId('move-preview')).toContainText('do not follow each other'); // the fraud check is in between
  await page.getByTestId('move-pick-fraud-check').check();
  await expect(page.getByTestId('move-preview')).toContainText('run at the same time instead of one after the other');
  await page.screenshot({ path: `${SHOTS}/43-restructure-parallel.png` });
  await page.getByTestId('move-apply').click();
  const tab = page.locator('[role=tab][aria-selected=true]');
  await expect(tab).toContainText('In parallel: Credit scoring, Property valuation (surveyor), Fraud check');
  const proposalId = (await tab.getAttribute('data-testid'))!.replace(/^tab-/, '');
  await expect(page.locator('.sf-node--split')).toHaveCount(1);
  await expect(page.locator('.sf-node--join')).toHaveCount(1);
  await page.getByTestId('run').click();
  const comparison = page.getByTestId(`comparison-${proposalId}`);
  await expect(comparison).toBeVisible({ timeout: 60_000 });
  const total = comparison.locator('li', { hasText: /^Mean total time/ });
  await expect(total).toHaveClass(/is-better/);
});
