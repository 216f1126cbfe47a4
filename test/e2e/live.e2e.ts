// Run all in the app, timed: from the click to the first figures and to the final results, on the
// default example (loan, 2 scenarios × 20 replications). The numbers are recorded (printed and
// written to test-results/live-timings.json), not asserted tightly: see docs/performance.md.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { SHOTS, freshApp, openExample } from './helpers';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Timing {
  firstMs: number;
  finalMs: number;
  /** CPU time the page used (main thread and workers) from the click to the final results. */
  cpuMs: number;
  /** CPU time of the page's main thread over the same time (rendering the figures, handing out tasks). */
  mainThreadCpuMs: number;
  /** Main-thread tasks over 50 ms between the click and the final results (ms each). */
  longTasks: number[];
}

/** Clicks Run all and measures, in the page, when the first figures and the final results appear. */
async function timedRun(page: Page): Promise<Timing> {
  await page.evaluate(() => {
    const w = window as any;
    w.__timing = { longTasks: [] };
    const button = document.querySelector('[data-testid=run]')!;
    button.addEventListener('click', () => (w.__timing.t0 = performance.now()), { capture: true, once: true });
    const lt = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__timing.final === undefined) w.__timing.longTasks.push(Math.round(e.duration));
    });
    lt.observe({ type: 'longtask', buffered: false });
    const look = () => {
      const t = w.__timing;
      if (t.t0 === undefined) return;
      const now = performance.now();
      const results = document.querySelector('[data-testid=results]');
      const figures = !!results?.querySelector('[data-testid=figures-baseline]');
      // (Builds before early figures had no data-state: their figures were always the final ones.)
      const state = results?.getAttribute('data-state') ?? 'final';
      const running = !!document.querySelector('[data-testid=cancel-run]');
      // First figures: early ones, or the final ones (never the previous run's, still shown at the start).
      if (t.first === undefined && figures && (state === 'early' || (state === 'final' && !running))) t.first = now - t.t0;
      if (t.final === undefined && figures && state === 'final' && !running) t.final = now - t.t0;
      if (t.final !== undefined) {
        obs.disconnect();
        setTimeout(() => lt.disconnect(), 0);
      }
    };
    const obs = new MutationObserver(look);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const cpu0 = await rendererCpuMs(page);
  const m0 = await metrics();
  await page.getByTestId('run').click();
  await expect.poll(() => page.evaluate(() => (window as any).__timing.final), { timeout: 30_000 }).toBeGreaterThan(0);
  const cpu = (await rendererCpuMs(page)) - cpu0;
  const m1 = await metrics();
  await cdp.detach();
  const t = await page.evaluate(() => (window as any).__timing);
  return { firstMs: Math.round(t.first), finalMs: Math.round(t.final), cpuMs: Math.round(cpu), mainThreadCpuMs: Math.round((m1.ThreadTime! - m0.ThreadTime!) * 1000), longTasks: t.longTasks };
}

/** CPU time used so far by the page's renderer processes (main thread and workers), in ms. */
async function rendererCpuMs(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await cdp.detach();
  return info.processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
}

const summarize = (runs: Timing[]) => ({ medianFirstMs: median(runs.map((x) => x.firstMs)), medianFinalMs: median(runs.map((x) => x.finalMs)), medianCpuMs: median(runs.map((x) => x.cpuMs)), medianMainThreadCpuMs: median(runs.map((x) => x.mainThreadCpuMs)), runs });

test('Run all on the default example: time from the click to the first figures and to the final results', async ({ page }) => {
  test.setTimeout(300_000);
  const rounds = Number(process.env.LIVE_ROUNDS ?? 5);
  const load0 = loadavg()[0]!;
  const afterPause: Timing[] = [];
  const again: Timing[] = [];
  const atOnce: Timing[] = [];
  for (let i = 0; i < rounds; i++) {
    await freshApp(page);
    await page.waitForTimeout(3000); // the user looks at the flow before clicking
    afterPause.push(await timedRun(page));
    await page.waitForTimeout(500);
    again.push(await timedRun(page));
    await freshApp(page);
    atOnce.push(await timedRun(page)); // as soon as the page shows
  }
  const summary = {
    date: new Date().toISOString(),
    build: process.env.LIVE_LABEL ?? 'this branch',
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadAverageBeforeAfter: [Math.round(load0 * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
    firstRunAfter3s: summarize(afterPause),
    secondRun: summarize(again),
    firstRunAtOnce: summarize(atOnce),
  };
  console.log(JSON.stringify({ ...summary, firstRunAfter3s: { ...summary.firstRunAfter3s, runs: undefined }, secondRun: { ...summary.secondRun, runs: undefined }, firstRunAtOnce: { ...summary.firstRunAtOnce, runs: undefined } }));
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/live-timings${process.env.LIVE_LABEL ? `-${process.env.LIVE_LABEL}` : ''}.json`, JSON.stringify(summary, null, 2) + '\n');
  // A loose sanity bound only: the figures that matter are recorded above (see docs/performance.md).
  expect(summary.firstRunAfter3s.medianFinalMs).toBeLessThan(15_000);
});

test('a double-click on Run all starts the run and does not cancel it; Cancel still works with a click', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('run').dblclick();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 });
  await expect(page.getByTestId('results')).not.toContainText('The run was cancelled');
  await expect(page.getByTestId('results-precision')).toContainText(/^20 replications · mean wait ± [\d.]+ %/);

  // The same with Run this scenario, on a longer run; then a real click on Cancel stops it.
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('run-replications').fill('400');
  await page.getByTestId('run-replications').press('Enter');
  await page.getByTestId('run-current').dblclick();
  await expect(page.getByTestId('run-running')).toBeDisabled();
  await page.waitForTimeout(800);
  await expect(page.getByTestId('cancel-run')).toBeVisible();
  await expect(page.getByTestId('results')).not.toContainText('The run was cancelled');
  await page.getByTestId('cancel-run').click();
  await expect(page.getByTestId('results')).toContainText('The run was cancelled');
  await expect(page.getByTestId('run')).toBeEnabled();
});

test('early figures appear while the run goes on, with how precise they are, and tighten to the final ones', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('run-replications').fill('60');
  await page.getByTestId('run-replications').press('Enter');
  await page.getByTestId('run').click();
  const status = page.getByTestId('results-precision');
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'early', { timeout: 30_000 });
  await expect(status).toContainText(/^Early figures: \d+ of 60 replications per scenario · mean wait ± [\d.]+ % · more on the way$/);
  await expect(page.getByTestId('export-json')).toBeDisabled();
  const precision = async () => Number((await status.innerText()).match(/± ([\d.]+) %/)![1]);
  const reps = async () => Number((await status.innerText()).match(/(\d+)( of 60)? replications/)![1]);
  const firstPrecision = await precision();
  const firstReps = await reps();
  await page.screenshot({ path: `${SHOTS}/60-early-figures.png` });
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 150_000 });
  await expect(status).toContainText(/^60 replications · mean wait ± [\d.]+ % · seed 20261124/);
  expect(firstReps).toBeLessThan(60);
  expect(await precision()).toBeLessThan(firstPrecision);
  await expect(page.getByTestId('export-json')).toBeEnabled();
});

test("another project's results never show: opening another project drops them, and stops its run", async ({ page }) => {
  await freshApp(page);
  await openExample(page, 'contact-centre');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 });
  await expect(page.getByTestId('result-first-level')).toBeVisible();
  await openExample(page, 'repair');
  await expect(page.getByTestId('project-title')).toHaveText('After-sales repair');
  await expect(page.getByTestId('results')).toHaveCount(0);
  await expect(page.locator('[data-testid^=result-]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/61-other-project-no-results.png` });

  // Opening another project while a run goes on stops it; nothing of it shows afterwards.
  await openExample(page, 'contact-centre');
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('run-replications').fill('300');
  await page.getByTestId('run-replications').press('Enter');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'early', { timeout: 30_000 });
  await openExample(page, 'repair', { overUnsavedWork: true }); // the replications were changed: it asks first
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('results')).toHaveCount(0);
  await expect(page.locator('[data-testid^=result-]')).toHaveCount(0);

  // The repair flow's own run shows its own figures.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 });
  await expect(page.getByTestId('figures-triage')).toBeVisible();
  await expect(page.getByTestId('result-diagnosis')).toBeVisible();
  await expect(page.getByTestId('step-table')).toContainText('Diagnosis');
  await expect(page.getByTestId('step-table')).not.toContainText('First-level answer');

  // Editing the same project afterwards marks them out of date.
  await page.getByTestId('node-intake').click();
  await page.getByTestId('field-staff').fill('4');
  await page.getByTestId('field-staff').press('Enter');
  await expect(page.getByTestId('stale')).toBeVisible();
});

test('before the first run the results are a slim bar: the flow keeps the room, and the click on Run all does not resize it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  const hint = page.getByTestId('results-empty');
  await expect(hint).toContainText('Results appear here');
  await expect(page.getByTestId('results-full')).toHaveCount(0); // nothing to show over the whole area yet
  const canvas = page.getByTestId('canvas');
  const dock = (await page.getByTestId('results-dock').boundingBox())!;
  expect(dock.height).toBeLessThan(50);
  const before = (await canvas.boundingBox())!;
  expect(before.height).toBeGreaterThan(400);
  await page.screenshot({ path: `${SHOTS}/62-results-panel-before-run.png` });
  await page.getByTestId('run').click();
  // Right after the click the flow keeps its size (no layout at the click); the panel opens with the first figures.
  expect(await canvas.boundingBox()).toEqual(before);
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 });
  await expect(hint).toHaveCount(0);
  await expect(page.getByTestId('results-full')).toBeVisible();
  expect((await page.getByTestId('results-dock').boundingBox())!.height).toBeGreaterThan(150);
});
