import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('the flow exports as an SVG drawing and a PNG picture', async ({ page }) => {
  await freshApp(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-svg').click()]);
  expect(svgDownload.suggestedFilename()).toBe('Bank loan application - Today.svg');
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const name of ['Intake', 'Credit analysis', 'Risk approval', 'CREDIT DEPARTMENT']) expect(svg).toContain(name);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-png').click()]);
  expect(pngDownload.suggestedFilename()).toBe('Bank loan application - Today.png');
  const png = readFileSync(await pngDownload.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(1000);
  expect(height).toBeGreaterThan(400);
  // Look at it as the user would: open the exported picture in the browser.
  await page.setContent(`<img src="data:image/png;base64,${png.toString('base64')}" style="width:${width / 2}px">`);
  await page.screenshot({ path: `${SHOTS}/22-exported-flow.png`, fullPage: true });
});
