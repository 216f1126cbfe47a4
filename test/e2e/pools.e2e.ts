import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

test('a staff pool shared by two steps: set up in the inspector, simulated, reported', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('add-pool').click();
  const pool = (await savedProject(page)).scenarios[0].flow.pools[0];
  await page.getByTestId(`pool-size-${pool.id}`).fill('8');
  await page.getByTestId(`pool-size-${pool.id}`).press('Enter');
  for (const id of ['credit-analysis', 'risk-approval']) {
    await page.getByTestId(`node-${id}`).click();
    await page.getByTestId('field-pool').selectOption(pool.id);
    await expect(page.getByTestId(`node-${id}`)).toContainText(`pool ${pool.name} (8)`);
  }
  const saved = (await savedProject(page)).scenarios[0].flow;
  expect(saved.nodes.filter((n: any) => n.poolId === pool.id).map((n: any) => n.id).sort()).toEqual(['credit-analysis', 'risk-approval']);
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('pool-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pool-table')).toContainText('Credit analysis, Risk approval');
  await expect(page.getByTestId('pool-table').locator('tbody tr td').nth(1)).toHaveText('8');
  await page.getByTestId('pool-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/35-pool.png` });
});
