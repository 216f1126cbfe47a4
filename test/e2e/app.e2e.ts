import { expect, test } from '@playwright/test';

test('the app opens on the loan example with its departments and steps', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await expect(page.getByTestId('node-credit-analysis')).toBeVisible();
  await expect(page.getByTestId('lane-credit')).toBeVisible();
  await expect(page.getByTestId('tab-baseline')).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'test/e2e/screenshots/01-open.png' });
});
