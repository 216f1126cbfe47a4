import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

test('arrival counts from a CSV file become the rate and the daily profile, after a preview', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-applications').click();
  await page.getByTestId('schedule-toggle').check();
  const rows = Array.from({ length: 24 }, (_, h) => `${h};${h >= 8 && h < 18 ? (h === 12 ? '90' : '40') : '0'}`);
  await page.getByTestId('counts-file').setInputFiles({ name: 'counts.csv', mimeType: 'text/csv', buffer: Buffer.from(['hour;arrivals', ...rows].join('\n')) });
  await page.getByTestId('counts-periods').fill('10');
  await expect(page.getByTestId('counts-summary')).toContainText('450 arrivals → 1.88 per hour on average; busiest hour 12:00');
  await page.screenshot({ path: `${SHOTS}/33-counts-preview.png` });
  await page.getByTestId('counts-apply').click();
  const arrivals = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'applications');
  expect(arrivals.arrivals).toEqual({ mode: 'rate', rate: 1.875, per: 'hour' });
  expect(arrivals.schedule.multipliers[12]).toBeCloseTo(90 / (450 / 24), 9);
  expect(arrivals.schedule.multipliers[3]).toBe(0);

  // A file with bad rows is reported by line number and changes nothing.
  await page.getByTestId('counts-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('hour;arrivals\n9;10\n25;3\nten;4') });
  await expect(page.getByTestId('counts-preview')).toContainText('line 3: "25" is not an hour of the day');
  await expect(page.getByTestId('counts-preview')).toContainText('line 4: "ten" is not an hour of the day');
  await expect(page.getByTestId('counts-apply')).toHaveCount(0);
});

test('observed durations from a CSV column, with the fitted mean and spread', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('node-credit-analysis').click();
  await page.getByTestId('service-kind').selectOption('empirical');
  await page.getByTestId('durations-file').setInputFiles({ name: 'times.csv', mimeType: 'text/csv', buffer: Buffer.from('file;minutes\nA;30\nB;50\nC;70\n') });
  await expect(page.getByTestId('durations-source')).toHaveText('3 values from column "minutes" of times.csv');
  await expect(page.getByTestId('service-summary')).toContainText('observed');
  const step = (await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'credit-analysis');
  expect(step.service).toEqual({ kind: 'empirical', values: [30, 50, 70] });
  await page.screenshot({ path: `${SHOTS}/34-durations-csv.png` });
  await page.getByTestId('durations-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('minutes\n10\nx\n') });
  await expect(page.locator('.sf-field__error[role=alert]')).toContainText('bad.csv line 3: "x" is not a duration');
  expect((await savedProject(page)).scenarios[0].flow.nodes.find((n: any) => n.id === 'credit-analysis').service.values).toEqual([30, 50, 70]);
});
