import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { freshApp, savedProject, SHOTS } from './helpers';

const TRAIN = new URL('../../../shared/eventlogs/LoanApp_simplified_train.csv.gz', import.meta.url);

test.use({ viewport: { width: 1280, height: 720 } });

test('an event log opens to a column mapping, is discovered in a worker, and its baseline replaces the example', async ({ page }) => {
  await freshApp(page);
  const before = (await savedProject(page)).name;
  await page.getByTestId('file-input').setInputFiles({ name: 'LoanApp_simplified_train.csv.gz', mimeType: 'application/gzip', buffer: readFileSync(TRAIN) });
  const dialog = page.getByTestId('discover-dialog');
  await expect(dialog.getByTestId('map-case')).toHaveValue('case_id');
  await expect(dialog.getByTestId('map-activity')).toHaveValue('activity');
  await expect(dialog.getByTestId('map-resource')).toHaveValue('resource');
  await expect(dialog.getByTestId('map-start')).toHaveValue('start_time');
  await expect(dialog.getByTestId('map-end')).toHaveValue('end_time');
  await expect(dialog.getByTestId('log-preview')).toContainText('Check application form completeness');
  // The role column is offered but not needed: leave it out.
  await dialog.getByTestId('map-role').selectOption('');
  await page.screenshot({ path: `${SHOTS}/discover-1-mapping.png` });

  const clicked = Date.now();
  await dialog.getByTestId('discover-run').click();
  const report = page.getByTestId('discover-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  // A figure for docs/discovery.md (not an assertion): reading, discovery and the fit runs in the browser.
  console.log(`discovery in the browser (7,544 events, read + discover + fit simulations): ${((Date.now() - clicked) / 1000).toFixed(1)} s to the report`);
  await expect(report).toContainText('7,544 events in 1,000 cases read');
  await expect(page.getByTestId('report-departments')).toContainText('Clerk');
  await expect(page.getByTestId('report-service-times')).toBeVisible();
  await expect(report).not.toContainText(/NaN|undefined|Infinity/);
  await page.screenshot({ path: `${SHOTS}/discover-2-report.png` });
  // The discovered baseline simulated beside the log: the six distance measures and the charts.
  await page.getByTestId('discover-tab-fit').click();
  await expect(page.getByTestId('fit-view')).toBeVisible();
  await expect(page.getByTestId('fit-measure-ctd')).toBeVisible();
  await expect(page.getByTestId('fit-view')).not.toContainText(/NaN|undefined|Infinity/);
  await page.screenshot({ path: `${SHOTS}/discover-2b-fit.png` });
  expect((await savedProject(page)).name).toBe(before); // nothing replaced yet

  await page.getByTestId('discover-open').click();
  await expect(page.getByTestId('project-title')).toHaveText('LoanApp_simplified_train');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const project = await savedProject(page);
  expect(project.name).toBe('LoanApp_simplified_train');
  expect(project.scenarios[0].flow.nodes.length).toBeGreaterThan(10);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/discover-3-baseline.png` });
  await page.getByText('Check application form completeness').first().click();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /zoom in/i }).click();
  await page.screenshot({ path: `${SHOTS}/discover-3b-zoom.png` });

  // The discovered baseline runs like any project, and its simulated log carries the log's
  // activities and dates (the run starts at the log's first case).
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 90_000 });
  await expect(page.getByTestId('results')).not.toContainText(/NaN|undefined|Infinity/);
  await page.screenshot({ path: `${SHOTS}/discover-4-results.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-log').click()]);
  const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('case_id,activity,resource,start_time,end_time');
  expect(lines.length).toBeGreaterThan(1000);
  expect(lines.some((l) => l.includes(',Check application form completeness,'))).toBe(true);
  expect(lines[1]).toMatch(/,2023-02-09T\d\d:/);
});

test('a broken log names the row and column and leaves the project as it was; dropped files open too', async ({ page }) => {
  await freshApp(page);
  const before = (await savedProject(page)).name;
  const rows = Array.from({ length: 20 }, (_, i) => `${i},A,${i < 6 ? '2023-13-40' : '2023-02-09 08:00:00'}`);
  // Dropped on the page rather than chosen with Open….
  const drop = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'broken.csv', { type: 'text/csv' }));
    return dt;
  }, ['case,activity,end_time', ...rows].join('\n'));
  await page.dispatchEvent('.sf-canvas', 'drop', { dataTransfer: drop });
  const dialog = page.getByTestId('discover-dialog');
  await expect(dialog.getByTestId('map-end')).toHaveValue('end_time');
  await dialog.getByTestId('discover-run').click();
  await expect(dialog.getByTestId('discover-problem')).toContainText("row 2, column end_time: '2023-13-40' is not a date");
  await expect(dialog.getByTestId('discover-problem')).toContainText('Your project has not been changed.');
  await page.screenshot({ path: `${SHOTS}/discover-4-broken.png` });
  await page.keyboard.press('Escape');
  expect((await savedProject(page)).name).toBe(before);

  // Ambiguous dates: Discover waits for the user's choice.
  await page.getByTestId('file-input').setInputFiles({ name: 'dates.csv', mimeType: 'text/csv', buffer: Buffer.from('case,activity,end\n1,A,03/04/2023 10:00\n1,B,05/06/2023 11:00\n2,A,07/04/2023 10:00\n') });
  await expect(dialog.getByTestId('date-order')).toBeVisible();
  await expect(dialog.getByTestId('discover-run')).toBeDisabled();
  await dialog.getByTestId('day-first').check();
  await expect(dialog.getByTestId('discover-run')).toBeEnabled();
});

test('a long discovery shows progress and can be cancelled', async ({ page }) => {
  await freshApp(page);
  const before = (await savedProject(page)).name;
  const t0 = Date.UTC(2023, 0, 2, 8);
  const lines = ['case,activity,resource,start,end'];
  for (let i = 0; i < 300_000; i++) lines.push(`${i >> 3},Step ${i % 8},R${i % 23},${new Date(t0 + i * 60_000).toISOString()},${new Date(t0 + i * 60_000 + 40_000).toISOString()}`);
  await page.getByTestId('file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  const dialog = page.getByTestId('discover-dialog');
  await dialog.getByTestId('discover-run').click();
  const progress = dialog.getByTestId('discover-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/discover-5-progress.png` });
  await dialog.getByTestId('discover-cancel').click();
  await expect(dialog.getByTestId('discover-problem')).toContainText('Discovery was cancelled');
  expect((await savedProject(page)).name).toBe(before);
});
