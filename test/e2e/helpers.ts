import { expect, type Page } from '@playwright/test';

export const SHOTS = 'test/e2e/screenshots';

/** Opens the app with a clean browser storage. */
export async function freshApp(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('project-title')).toBeVisible();
}

/** Drags from the source handle of one node to the target handle of another. */
export async function connect(page: Page, from: string, to: string) {
  const src = page.getByTestId(`node-${from}`).locator('.react-flow__handle-right');
  const dst = page.getByTestId(`node-${to}`).locator('.react-flow__handle-left');
  const a = (await src.boundingBox())!;
  const b = (await dst.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

export async function savedProject(page: Page): Promise<any> {
  await page.waitForTimeout(400); // the autosave is debounced
  return page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow:autosave:v1') ?? 'null')?.project);
}

/** Opens a built-in example from the New / Examples menu. */
export async function openExample(page: Page, id: string, opts: { overUnsavedWork?: boolean } = {}) {
  await page.getByTestId('menu-examples').click();
  await page.getByTestId(`example-${id}`).click();
  // Over unsaved work the app asks first: answer Open.
  if (opts.overUnsavedWork) await page.getByTestId('replace-open').click();
}
