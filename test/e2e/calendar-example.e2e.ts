// The insurance-claims example on calendars: the inspector's pre-run estimate says what it assumes
// (the overnight backlog), the run names Assessment as the bottleneck with its waiting mostly
// overnight, the week's heat map shows it, and the printable report carries the heat map.
import { expect, test } from '@playwright/test';
import { freshApp, openExample, SHOTS } from './helpers';

test('the claims example: estimate with opening hours, overnight bottleneck, heat map in results and report', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await openExample(page, 'claims', { overUnsavedWork: false });
  await expect(page.getByTestId('project-title')).toContainText('Insurance claims');

  // The pre-run estimate for Assessment knows the office closes.
  await page.getByTestId('node-assessment').click();
  const note = page.getByTestId('estimate-week');
  await note.scrollIntoViewIfNeeded();
  // 3 handlers; Good Friday and Easter Monday, folded into the regular week, bring the mean just under.
  await expect(note).toContainText(/Staff are on duty 40 hours a week \(2\.9 at a time on average\); in those hours about [\d.]+ customers an hour arrive/);
  await expect(note).toContainText('wait for the next opening and are worked off first');
  await expect(note).not.toContainText(/NaN|Infinity|undefined/);
  await page.screenshot({ path: `${SHOTS}/60-claims-estimate.png` });

  const t0 = Date.now();
  await page.getByTestId('run').click();
  const bottleneck = page.getByTestId('bottleneck-today');
  await expect(bottleneck).toBeVisible({ timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  expect(seconds, `the run took ${seconds} s`).toBeLessThan(20); // ~1 s of simulation; generous for a shared machine
  await expect(bottleneck).toContainText(/Assessment: .*most of this waiting \(\d+ %\) is overnight or at weekends, while it is closed/);

  const heat = page.getByTestId('hour-heatmap');
  await expect(heat).toBeVisible();
  await expect(page.getByTestId('heatmap-step')).toHaveValue('assessment');
  await expect(page.getByTestId('heatmap-closed')).toContainText('of the waiting at “Assessment” is while it is closed');
  // Monday 07:00: the weekend's claims wait; Sunday 03:00 too; the office is busy on Monday morning.
  await expect(page.getByTestId('heat-7')).toHaveAttribute('title', /^Mon 07:00–08:00: \d+(\.\d)? waiting on average$/);
  await heat.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/61-claims-results-1280.png` });
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/62-claims-results-1600.png` });

  // The report carries the heat map on each scenario's page.
  await page.getByTestId('open-report').click();
  const reportHeat = page.getByTestId('report-heatmap-today');
  await expect(reportHeat).toContainText('By hour of the week: “Assessment”');
  await expect(page.getByTestId('report-heatmap-online-documents')).toBeVisible();
  await expect(page.getByTestId('report-heat-today-7')).toHaveAttribute('title', /waiting on average/);
  await expect(page.getByTestId('report-busy-today-10')).toHaveAttribute('title', /Mon 10:00–11:00: \d+ % busy/);
  await expect(page.getByTestId('report-assumptions-today')).toContainText('open Office Mon–Fri 08–17 with lunch');
  await reportHeat.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/63-claims-report-1600.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await reportHeat.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/64-claims-report-1280.png` });
  await page.emulateMedia({ media: 'print' });
  await expect(reportHeat).toBeVisible();
});
