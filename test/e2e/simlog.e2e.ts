import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('the results offer the simulated log of the scenario shown as CSV', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 60_000 });
  const button = page.getByTestId('export-log');
  await expect(button).toHaveText('Export simulated log (CSV)');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.log\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('case_id,activity,resource,start_time,end_time');
  expect(lines.length).toBeGreaterThan(100);
  for (const line of lines.slice(1, 50)) {
    expect(line).toMatch(/^\d+,[^,]+,[^,]+ \d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    const [, , , start, end] = line.split(',');
    expect(Date.parse(end!)).toBeGreaterThanOrEqual(Date.parse(start!));
  }
  await expect(button).toBeEnabled();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SHOTS}/simlog-results-action.png` });
});

test('the fit view shows the log beside the simulation, each measure explained', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?preview=fit');
  const view = page.getByTestId('fit-view');
  await expect(view).toBeVisible({ timeout: 30_000 });
  for (const key of ['ctd', 'aed', 'ced', 'red', 'car', 'ngd']) {
    const row = page.getByTestId(`fit-measure-${key}`);
    await expect(row).toBeVisible();
    await expect(row).not.toContainText(/NaN|Infinity|undefined|—/);
  }
  await expect(page.getByTestId('fit-measure-ctd')).toContainText('Cycle-time distribution (CTD)');
  await expect(page.getByTestId('fit-summary')).toContainText('Simulated: 2 runs');
  for (const chart of ['fit-cycle-hist', 'fit-cycle-cdf', 'fit-cases-hour', 'fit-work-hour', 'fit-cases-weekday', 'fit-work-weekday']) {
    await expect(page.getByTestId(chart).locator('svg rect, svg path').first()).toBeAttached();
  }
  await expect(page.getByTestId('fit-steps')).toContainText('Intake');
  await page.screenshot({ path: `${SHOTS}/simlog-fit-view.png` });
  await page.getByTestId('fit-steps').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/simlog-fit-view-charts.png` });
});
