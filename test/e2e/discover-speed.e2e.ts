// A benchmark in the browser (figures for docs/discovery.md, not timed assertions): synthetic logs
// of 10,000 and 100,000 events are opened, mapped and discovered in the app's worker; the time from
// the click on Discover to the report is printed. The report includes the fit simulations.
import { expect, test } from '@playwright/test';
import { freshApp } from './helpers';

/** 10 activities per case with a rework loop now and then, 37 resources, ISO times, office hours. */
function syntheticCsv(events: number): Buffer {
  const rows = ['case_id,activity,resource,start_time,end_time'];
  let t = Date.UTC(2023, 0, 2, 8);
  let i = 0;
  for (let c = 0; i < events; c++) {
    const steps = c % 7 === 0 ? 12 : 10;
    for (let k = 0; k < steps && i < events; k++, i++) {
      const act = k < 10 ? `Step ${k}` : `Step ${k - 4}`;
      const s = t + k * 120_000;
      rows.push(`${c},${act},R${(c + k) % 37},${new Date(s).toISOString().slice(0, 19)},${new Date(s + 90_000).toISOString().slice(0, 19)}`);
    }
    t += 60_000;
  }
  return Buffer.from(rows.join('\n') + '\n');
}

for (const events of [10_000, 100_000]) {
  test(`discovering a ${events.toLocaleString('en')}-event log in the browser`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await freshApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: `synthetic-${events}.csv`, mimeType: 'text/csv', buffer: syntheticCsv(events) });
    const dialog = page.getByTestId('discover-dialog');
    await expect(dialog.getByTestId('map-end')).toHaveValue('end_time');
    const t0 = Date.now();
    await dialog.getByTestId('discover-run').click();
    await expect(page.getByTestId('discover-report')).toBeVisible({ timeout: 150_000 });
    console.log(`discovery in the browser, ${events.toLocaleString('en')} events (read + discover + fit simulations): ${((Date.now() - t0) / 1000).toFixed(1)} s to the report`);
    await expect(page.getByTestId('discover-report')).toContainText(`${events.toLocaleString('en')} events`);
  });
}
