import { expect, test, type Page } from '@playwright/test';
import { freshApp, SHOTS } from './helpers';

const counter = (page: Page, pane: string, key: string) => page.getByTestId(`watch-pane-${pane}`).locator(`[data-k="${key}"]`);

/** Frame intervals (ms) over `ms` of animation, from requestAnimationFrame timestamps. */
async function frameIntervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const ts: number[] = [];
        const f = (t: number) => {
          ts.push(t);
          if (t - ts[0]! < duration) requestAnimationFrame(f);
          else resolve(ts.slice(1).map((x, i) => x - ts[i]!));
        };
        requestAnimationFrame(f);
      }),
    ms,
  );
}

test('Watch animates the loan example: dots and counters change, at 60 frames per second', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('watch-open').click();
  await expect(page.getByTestId('watch-pane-baseline')).toBeVisible();
  await page.getByTestId('watch-speed').selectOption('10000');
  await expect.poll(async () => Number(await counter(page, 'baseline', 'served').innerText()), { timeout: 20_000 }).toBeGreaterThan(5);
  const clock1 = await page.getByTestId('watch-clock').innerText();
  const served1 = Number(await counter(page, 'baseline', 'served').innerText());
  const canvas = page.getByTestId('watch-canvas-baseline');
  const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const frameA = await pixels();
  await page.waitForTimeout(700);
  expect(await pixels()).not.toBe(frameA); // dots moved, queues changed
  expect(Number(await counter(page, 'baseline', 'served').innerText())).toBeGreaterThan(served1);
  expect(await page.getByTestId('watch-clock').innerText()).not.toBe(clock1);
  await page.screenshot({ path: `${SHOTS}/25-watch.png` });

  // Frame timing while playing.
  const intervals = await frameIntervals(page, 3000);
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const sorted = [...intervals].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))]!;
  const fps = 1000 / mean;
  console.log(`watch frame timing (loan example, 10,000×): ${fps.toFixed(1)} frames/s on average, 95th percentile frame ${p95.toFixed(1)} ms, ${intervals.length} frames`);
  test.info().annotations.push({ type: 'frame timing', description: `${fps.toFixed(1)} fps, p95 ${p95.toFixed(1)} ms` });
  expect(fps).toBeGreaterThan(55);
  expect(p95).toBeLessThan(25);

  // Pause stops the clock.
  await page.getByTestId('watch-play').click();
  const paused = await page.getByTestId('watch-clock').innerText();
  await page.waitForTimeout(400);
  expect(await page.getByTestId('watch-clock').innerText()).toBe(paused);

  // Jump to the end of the run.
  await page.getByTestId('watch-end').click();
  await expect(page.getByTestId('watch-clock')).toContainText('end of the run', { timeout: 20_000 });
  await page.getByTestId('watch-close').click();
  await expect(page.getByTestId('watch')).toHaveCount(0);
});

test('Watch together: baseline and proposal on one clock with the same arrivals', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('watch-open').click();
  await page.getByTestId('watch-together').check();
  await expect(page.getByTestId('watch-pane-baseline')).toBeVisible();
  await expect(page.getByTestId('watch-pane-single-point-of-contact')).toBeVisible();
  await page.getByTestId('watch-speed').selectOption('100000');
  await expect.poll(async () => Number(await counter(page, 'single-point-of-contact', 'served').innerText()), { timeout: 20_000 }).toBeGreaterThan(20);
  await page.getByTestId('watch-play').click(); // pause to read both panes at one moment
  await page.waitForTimeout(100);
  const arrivedBy = async (pane: string) =>
    Number(await counter(page, pane, 'served').innerText()) + Number(await counter(page, pane, 'inside').innerText()) + Number(await counter(page, pane, 'gave-up').innerText());
  // Same arrivals on the same clock: as many customers have arrived in each.
  expect(await arrivedBy('baseline')).toBe(await arrivedBy('single-point-of-contact'));
  expect(Number(await counter(page, 'baseline', 'waiting').innerText())).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/26-watch-together.png` });
});
