import { expect, test } from '@playwright/test';
import { SHOTS, openExample } from './helpers';

test('installable, and works offline once loaded: open the project and simulate without a network', async ({ page, context, baseURL }) => {
  await page.goto('/');
  await expect(page.getByTestId('project-title')).toBeVisible();
  // The service worker installs and precaches the app.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const manifest = await (await page.request.get(new URL('manifest.webmanifest', baseURL).href)).json();
  expect(manifest).toMatchObject({ name: 'Serviceflow', display: 'standalone', start_url: './' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/32-offline-run.png` });
  await context.setOffline(false);
});

test('the app never talks to another origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('websocket', (ws) => foreign.push(ws.url()));
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('figures-baseline')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-report').click();
  await page.getByTestId('report-close').click();
  await page.getByTestId('watch-open').click();
  await page.waitForTimeout(1000);
  await page.getByTestId('watch-close').click();
  await page.getByTestId('menu-share').click();
  await page.keyboard.press('Escape');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('menu-export-bpmn').click()]);
  await Promise.all([page.waitForEvent('download'), page.getByTestId('picture-png').click()]);
  await openExample(page, 'contact-centre');
  await page.waitForTimeout(500);
  expect(foreign).toEqual([]);
});
