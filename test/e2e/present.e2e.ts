import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

test('the flow exports as an SVG drawing and a PNG picture', async ({ page }) => {
  await freshApp(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-svg').click()]);
  expect(svgDownload.suggestedFilename()).toBe('Bank loan application - Today.svg');
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Names are wrapped on lines of their own (tspans), never cut.
  const text = svg.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  for (const name of ['Intake', 'Credit analysis', 'Risk approval', 'CREDIT DEPARTMENT']) expect(text).toContain(name);
  expect(text).not.toContain('…');

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

/** The text of each page of a PDF (pdf.js). */
async function pdfPages(data: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

test('the printable report has two pages per scenario (the flow and key figures, then the comparison and assumptions), and prints to PDF', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 }); // not the early figures
  const meanWait = (await page.getByTestId('figures-baseline').getByTestId('mean-wait').innerText()).split('±')[0]!.trim();
  const proposalWait = (await page.getByTestId('figures-single-point-of-contact').getByTestId('mean-wait').innerText()).split('±')[0]!.trim();
  const bottleneck = (await page.getByTestId('bottleneck-baseline').innerText()).replace('Bottleneck — ', '');
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-page-baseline')).toBeVisible();
  await expect(page.getByTestId('report-page-single-point-of-contact')).toBeVisible();
  await expect(page.getByTestId('report-figures-baseline')).toContainText(meanWait);
  await expect(page.getByTestId('report-compare-single-point-of-contact')).toContainText('Compared with Today');
  await page.screenshot({ path: `${SHOTS}/23-report.png` });
  await page.getByTestId('report-page-single-point-of-contact').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/24-report-proposal.png` });

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = await pdfPages(pdf);
  expect(pages.length).toBe(4); // two pages per scenario
  const all = pages.join(' ');
  expect(all).not.toContain('Print / Save as PDF'); // the toolbar is not printed
  expect(all).not.toContain('Run all'); // nor the app behind the report
  const first = pages.findIndex((p) => p.includes('Bank loan application: Today'));
  const second = pages.findIndex((p) => p.includes('Bank loan application: Single point of contact'));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(second).toBe(first + 2); // pages of its own
  expect(pages[first]).toContain(`Mean waiting time ${meanWait}`);
  expect(pages[first]).toContain(bottleneck);
  expect(all).toContain(proposalWait);
  expect(all).toContain('Compared with Today');
  expect(all).toContain('Assumptions');
  expect(all).toMatch(/seed \d+/);

  await page.getByTestId('report-close').click();
  await expect(page.getByTestId('report')).toHaveCount(0);
});
