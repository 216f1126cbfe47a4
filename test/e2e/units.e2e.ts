// Durations typed with their unit, and a change of the project's time unit that converts every
// time instead of reinterpreting it (issue 14).
import { expect, test } from '@playwright/test';
import { SHOTS, freshApp, savedProject } from './helpers';

test('type “2 days” as a service time; switching the project to hours keeps every length of time', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  const before = await savedProject(page);
  const horizonBefore = before?.run?.horizon?.duration;

  await page.getByTestId('node-credit-analysis').click();
  const value = page.getByTestId('service-mean');
  await value.fill('2 dyas');
  await value.press('Enter');
  await expect(page.locator('.sf-field__error').first()).toContainText('“2 dyas”: write a number with a unit, e.g. 45 min, 1.5 h or 2 days');
  await value.fill('2 working days');
  await value.press('Enter');
  await expect(page.locator('.sf-field__error').first()).toContainText('working days need a calendar');
  await value.fill('2 days');
  await value.press('Enter');
  await expect(value).toHaveValue('2 days');
  await expect(page.getByTestId('node-credit-analysis')).toContainText('mean 2 days');
  let saved = await savedProject(page);
  expect(saved.timeUnit).toBe('minutes');
  expect(saved.scenarios[0].flow.nodes.find((n: any) => n.id === 'credit-analysis').service).toMatchObject({ mean: 2880 });

  // The project settings: switch the time unit.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click();
  if (!(await page.getByTestId('run-duration').isVisible())) await page.getByTestId('project-settings-toggle').click();
  const duration = page.getByTestId('run-duration');
  const shownBefore = await duration.inputValue();
  await page.getByTestId('time-unit').selectOption('hours');
  await expect(page.getByTestId('time-unit-converted')).toContainText('All times converted to hours');
  saved = await savedProject(page);
  expect(saved.timeUnit).toBe('hours');
  expect(saved.scenarios[0].flow.nodes.find((n: any) => n.id === 'credit-analysis').service).toMatchObject({ mean: 48 });
  expect(saved.run.horizon.duration * 60).toBeCloseTo(horizonBefore ?? saved.run.horizon.duration * 60, 6);
  // The same length of time on screen: 2 days is still 2 days, and the run length reads the same.
  await expect(page.getByTestId('node-credit-analysis')).toContainText('mean 2 days');
  const shownAfter = await duration.inputValue();
  const hours = (t: string) => {
    const [n, u] = t.replace(/,/g, '').split(' ');
    return Number(n) * ({ s: 1 / 3600, min: 1 / 60, h: 1, days: 24 } as Record<string, number>)[u!]!;
  };
  expect(hours(shownAfter)).toBeCloseTo(hours(shownBefore), 6);
  await page.screenshot({ path: `${SHOTS}/units-1280.png` });

  await page.getByTestId('node-credit-analysis').click();
  await expect(page.getByTestId('service-mean')).toHaveValue('2 days');
  await page.getByTestId('service-mean').fill('36'); // a plain number is in the project's unit, now hours
  await page.getByTestId('service-mean').press('Enter');
  await expect(page.getByTestId('node-credit-analysis')).toContainText('mean 36 h');
  await page.screenshot({ path: `${SHOTS}/units-step-1280.png` });
});
