import { expect, test } from '@playwright/test';
import { openExample } from './helpers';

test('the app opens on the loan example with its departments and steps', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('project-title')).toHaveText('Bank loan application');
  await expect(page.getByTestId('node-credit-analysis')).toBeVisible();
  await expect(page.getByTestId('lane-credit')).toBeVisible();
  await expect(page.getByTestId('tab-baseline')).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'test/e2e/screenshots/01-open.png' });
});

test('each example and scenario draws without overlapping labels', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  for (const example of ['loan', 'contact-centre', 'repair', 'mortgage']) {
    await openExample(page, example);
    for (const tab of await page.locator('[role=tab]').all()) {
      await tab.click();
      await page.waitForTimeout(400);
      const boxes = await page.locator('.sf-edge-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${example}: labels ${i} and ${j} overlap`).toBe(false);
        }
      await page.screenshot({ path: `test/e2e/screenshots/07-${example}-${await tab.getAttribute('data-testid')}.png` });
    }
  }
});
