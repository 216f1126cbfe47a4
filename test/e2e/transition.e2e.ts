import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('Transition: the proposal from its first day, week by week, next to today', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-transition').click();
  await expect(page.getByTestId('transition-chart')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('transition-chart').locator('circle')).toHaveCount(12);
  await expect(page.getByTestId('transition-facts')).toContainText(/Worst week: week \d+, mean wait .* \(today, steady: .*\)/);
  await expect(page.getByTestId('transition-payoff')).toContainText(/“Single point of contact” has a mean wait no longer than today's (every week from week \d+ on|in every one)|only in weeks? |never has a mean wait/);
  // The loan example has cost assumptions: money week by week, and when the change pays for itself.
  await expect(page.getByTestId('transition-cost-table').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('transition-costs')).toContainText(/Today costs [\d,]+ € a week/);
  await expect(page.getByTestId('transition-recovered')).toContainText(/recovered by week \d+|cost [\d,]+ € more than today|has saved/);
  await page.screenshot({ path: `${SHOTS}/38-transition.png` });
});
