// The screen a consultant shows a client: the canvas gets the room, nothing covers the flow, Watch
// together and the report are readable, and opening something over the user's work asks first.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SHOTS, freshApp, openExample } from './helpers';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxes = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));

async function run(page: Page) {
  await page.getByTestId('run').click();
  await expect(page.getByTestId('results')).toHaveAttribute('data-state', 'final', { timeout: 30_000 });
  await page.waitForTimeout(500); // the canvas refits to its new size
}

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`${w}×${h}: one-line header, the canvas keeps the room, nothing covers the flow`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    // Header: one row, the project name shown whole.
    const header = (await page.locator('.sf-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(48);
    for (const b of await boxes(page.locator('.sf-header button:visible'))) {
      expect(b.y).toBeGreaterThanOrEqual(header.y);
      expect(b.y + b.height).toBeLessThanOrEqual(header.y + header.height);
    }
    const title = page.getByTestId('project-title');
    expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    await page.getByTestId('auto-layout').click();
    await run(page);
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    expect(canvas.height).toBeGreaterThanOrEqual(h * 0.45);

    // The picture bar, the legend and the zoom buttons never sit on a node or a lane title.
    const covers = [...(await boxes(page.locator('.sf-picture-panel'))), ...(await boxes(page.getByTestId('utilization-legend'))), ...(await boxes(page.locator('.react-flow__controls')))];
    expect(covers.length).toBe(3);
    const under = [...(await boxes(page.locator('.react-flow__node:not(.react-flow__node-lane)'))), ...(await boxes(page.locator('.sf-lane__title, [data-testid^="lane-"] > :first-child')))];
    for (const c of covers) for (const n of under) expect(overlaps(c, n), `an overlay at ${JSON.stringify(c)} covers ${JSON.stringify(n)}`).toBe(false);
    await expect(page.getByTestId('minimap')).toHaveCount(0);

    // After Auto-layout, labels on the paths stay off the names of the nodes.
    const names = await boxes(page.locator('.sf-node__name'));
    const labels = await page.locator('.sf-edge-label').evaluateAll((els) => els.map((e) => ({ text: e.textContent, ...JSON.parse(JSON.stringify(e.getBoundingClientRect())) })));
    const named = await page.locator('.sf-node__name').evaluateAll((els) => els.map((e) => ({ text: e.textContent, ...JSON.parse(JSON.stringify(e.getBoundingClientRect())) })));
    for (const l of labels) for (const n of named) expect(overlaps(l, n), `the path label "${l.text}" covers the name "${n.text}"`).toBe(false);
    void names;
    await page.screenshot({ path: `${SHOTS}/40-screen-${w}.png` });
  });
}

test('the results dock: drag to resize, hide for the whole flow, open full', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await run(page);
  const dock = page.getByTestId('results-dock');
  const before = (await dock.boundingBox())!.height;
  const handle = (await page.getByTestId('results-resize').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 120, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await dock.boundingBox())!.height).toBeGreaterThan(before + 100);
  const canvasTall = async () => (await page.getByTestId('canvas').boundingBox())!.height;
  await page.getByTestId('results-hide').click();
  await expect(dock).toHaveAttribute('data-mode', 'hidden');
  expect(await canvasTall()).toBeGreaterThan(520);
  await page.getByTestId('results-full').click();
  await expect(dock).toHaveAttribute('data-mode', 'full');
  const main = (await page.locator('.sf-main').boundingBox())!;
  expect((await dock.boundingBox())!.height).toBeGreaterThanOrEqual(main.height - 2);
  await page.getByTestId('results-open').click();
  await expect(dock).toHaveAttribute('data-mode', 'open');
  // The height chosen by dragging is kept.
  expect((await dock.boundingBox())!.height).toBeGreaterThan(before + 100);
});

test('a step added from the palette lands in a free place of its own department', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  const existing = await page.locator('.react-flow__node:not(.react-flow__node-lane)').count();
  await page.getByTestId('palette-step').click();
  await expect(page.locator('.react-flow__node:not(.react-flow__node-lane)')).toHaveCount(existing + 1);
  const project = await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow:autosave:v1') ?? 'null')?.project);
  await page.waitForTimeout(400);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow:autosave:v1') ?? 'null')?.project ?? null);
  const flow = (saved ?? project).scenarios[0].flow;
  const added = flow.nodes[flow.nodes.length - 1];
  expect(added.kind).toBe('step');
  const box = (await page.getByTestId(`node-${added.id}`).boundingBox())!;
  for (const d of flow.departments) {
    if (d.id === added.departmentId) continue;
    const lane = page.getByTestId(`lane-${d.id}`);
    if ((await lane.count()) === 0) continue;
    expect(overlaps(box, (await lane.boundingBox())!), `the new step sits on the band of ${d.name}`).toBe(false);
  }
  for (const n of await boxes(page.locator('.react-flow__node:not(.react-flow__node-lane)'))) {
    if (Math.abs(n.x - box.x) < 1 && Math.abs(n.y - box.y) < 1) continue;
    expect(overlaps(box, n), 'the new step sits on another node').toBe(false);
  }
});

test('Watch together at 1280×720: two readable flows and a toolbar that stays put', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('watch-open').click();
  await page.getByTestId('watch-together').check();
  const panes = page.locator('[data-testid^="watch-pane-"]');
  await expect(panes).toHaveCount(2);
  const toolbar = page.locator('.sf-watch__toolbar');
  const first = (await toolbar.boundingBox())!;
  const together = (await page.getByTestId('watch-together').boundingBox())!;
  await page.waitForTimeout(1500);
  await page.getByTestId('watch-end').click();
  await page.waitForTimeout(800);
  expect(await toolbar.boundingBox()).toEqual(first);
  expect(await page.getByTestId('watch-together').boundingBox()).toEqual(together);
  expect(first.height).toBeLessThanOrEqual(50);
  // Both flows fully on screen, their names drawn at a size one can read.
  for (const b of await boxes(page.locator('.sf-watch__flow svg'))) {
    expect(b.y + b.height).toBeLessThanOrEqual(720);
    expect(b.width).toBeGreaterThan(500);
  }
  const nameHeight = await page.locator('.sf-watch__flow svg text[font-weight="600"] tspan').first().evaluate((e) => e.getBoundingClientRect().height);
  expect(nameHeight).toBeGreaterThanOrEqual(7);
  await page.screenshot({ path: `${SHOTS}/41-watch-together-1280.png` });
});

test('the report flow picture is legible: names whole and at a readable size', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await run(page);
  await page.getByTestId('open-report').click();
  const svg = page.locator('.sf-report__flow svg').first();
  await expect(svg).toBeVisible();
  expect(await svg.evaluate((e) => e.textContent ?? '')).not.toContain('…');
  const size = await svg.locator('text[font-weight="600"] tspan').first().evaluate((e) => e.getBoundingClientRect().height);
  expect(size).toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: `${SHOTS}/42-report-1280.png` });
});

test('opening an example over the user’s own work asks first; Keep leaves it, Open replaces it', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('palette-step').click(); // the user's own work now
  await openExample(page, 'repair');
  const message = page.getByTestId('message');
  await expect(message).toContainText('replaces your project');
  await page.getByTestId('replace-keep').click();
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await openExample(page, 'repair');
  await page.getByTestId('replace-open').click();
  await expect(page.getByTestId('project-title')).not.toHaveText('Bank loan application');
  // An untouched example is opened over without a question.
  await openExample(page, 'loan');
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await expect(message).toHaveCount(0);
});
