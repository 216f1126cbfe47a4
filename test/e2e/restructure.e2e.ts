import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('merge departments on the loan example, run the comparison, see a significant change in mean wait', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('restructure-open').click();
  await page.getByTestId('move-merge-departments').click();
  await page.getByTestId('move-pick-credit').check();
  await page.getByTestId('move-pick-risk').check();
  await expect(page.getByTestId("move-preview")).toContainText("Merged the departments \"Credit department\" and \"Risk department\"");
  await expect(page.getByTestId('move-preview')).toContainText('pooled their staff');
  await page.screenshot({ path: `${SHOTS}/27-restructure.png` });
  await page.getByTestId('move-apply').click();
  // A new proposal, on screen, with the move in its "what changed".
  const tab = page.locator('[role=tab][aria-selected=true]');
  await expect(tab).toContainText('Merge Credit department + Risk department');
  const proposalId = (await tab.getAttribute('data-testid'))!.replace(/^tab-/, '');
  await expect(page.getByTestId('node-credit-analysis')).toContainText('8 staff');
  await expect(page.getByTestId('node-risk-approval')).toHaveCount(0);
  await page.getByTestId('what-changed').click();
  await expect(page.getByTestId("moves-applied")).toContainText("Merged the departments");
  await page.keyboard.press('Escape');

  await page.getByTestId('run').click();
  const comparison = page.getByTestId(`comparison-${proposalId}`);
  await expect(comparison).toBeVisible({ timeout: 60_000 });
  const meanWait = comparison.locator('li', { hasText: /^Mean wait/ });
  await expect(meanWait).toHaveClass(/is-better/); // significant, and lower
  await expect(meanWait).toContainText(/^Mean wait falls from .* to .* \(−\d/);
  await comparison.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/28-restructure-compared.png` });
});

test('Suggest runs quick experiments at the bottleneck, ranks them, and applies one', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('restructure-open').click();
  await page.getByTestId('move-suggest').click();
  await expect(page.getByTestId('suggest')).toContainText('The busiest step is Credit analysis');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggest-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('suggest-row-0')).toHaveClass(/is-better/);
  await page.screenshot({ path: `${SHOTS}/29-suggest.png` });
  await page.getByTestId('suggest-table').getByRole('button', { name: 'Apply' }).first().click();
  await expect(page.getByTestId('restructure')).toHaveCount(0);
  await expect(page.locator('[role=tab]')).toHaveCount(3);
});
