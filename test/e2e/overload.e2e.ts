import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('an overloaded step no longer blocks a run: the instability is stated and its queue is seen growing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  // Credit analysis of the loan example, down from 6 staff to 4: more work than staff.
  await page.getByTestId('node-credit-analysis').click();
  await page.getByTestId('field-staff').fill('4');
  await page.getByTestId('field-staff').press('Enter');
  const checks = page.getByTestId('checks');
  await expect(checks).toContainText('Nothing blocks a run');
  await expect(checks).toContainText(
    /"Credit analysis" is overloaded: its work needs [\d.]+ staff on average and it has 4 \(\d+ %\) — about [\d.]+ more customers an hour \([\d.]+ a day\) arrive than it can serve, so its queue will keep growing for as long as the run lasts\./,
  );
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 90_000 });

  const block = page.getByTestId('instability-baseline');
  await expect(block).toContainText('Unstable — the backlog keeps growing for as long as the run lasts');
  await expect(block).toContainText(/Credit analysis: queue grows by about [\d.,]+ customers a day \(95 % CI ± [\d.,]+\)/);
  await expect(block.getByTestId('grows-with-run')).toContainText('These figures grow with the length of the run');
  // The proposal keeps its 6 credit analysts' worth of capacity elsewhere: it is not flagged.
  await expect(page.getByTestId('instability-single-point-of-contact')).toHaveCount(0);
  await expect(page.getByTestId('figures-baseline')).not.toContainText(/NaN|Infinity|undefined/);

  // The queue-over-time chart shows Credit analysis, and its queue at the end is well above the start.
  const chart = page.getByTestId('chart-queue-time');
  await expect(chart.getByTestId('queue-growing')).toContainText(/Credit analysis — grows by about [\d.,]+ a day/);
  await page.getByTestId('results-full').click();
  await page.screenshot({ path: `${SHOTS}/overload-results.png` });
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/overload-queue.png` });
  const path = await chart.locator('path[stroke-width="2"]').first().getAttribute('d');
  const ys = (path ?? '').match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => Number(p.split(',')[1]));
  expect(ys.length).toBeGreaterThan(10);
  // SVG y grows downwards: the line ends far higher on the chart than it starts.
  expect(ys[0]! - ys[ys.length - 1]!).toBeGreaterThan(60);

  // The printable report states it too, with the waits marked as growing with the run.
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-instability-baseline')).toContainText(/Unstable: Credit analysis cannot keep up: its queue grows by about [\d.,]+ customers a day \(95 % CI [\d.,]+ to [\d.,]+\)\./);
  await expect(page.getByTestId('report-figures-baseline')).toContainText('(grows with the length of the run)');
  await expect(page.getByTestId('report-figures-single-point-of-contact')).not.toContainText('grows with the length of the run');
  await page.getByTestId('report-instability-baseline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/overload-report.png` });
  await page.getByTestId('report-close').click();
});
