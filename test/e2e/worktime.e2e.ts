// Working time: with an office calendar on the arrivals and a step, a target "done within 2
// working days" is typed as such; after a run the key figures show waiting and total time both
// elapsed and in working hours, and the target says it counts working time. A delay typed as
// "30 working min" switches to counting working time.
import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

test('working time in the results, a target in working days and a delay in working hours', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('calendar-preset').selectOption('office');
  await page.getByTestId('add-calendar').click();
  const cal = (await savedProject(page)).calendars[0];

  // A target in working days: typing "2 working days" switches it to working time (9 open hours a day).
  await page.getByTestId('add-service-level').click();
  const sl = (await savedProject(page)).serviceLevels.at(-1);
  const card = page.getByTestId(`service-level-${sl.id}`);
  await card.getByLabel('Name').fill('Decided within 2 working days');
  await card.getByLabel('Name').press('Enter');
  await card.getByLabel('Measure').selectOption('timeInSystem');
  await card.getByTestId('sl-threshold').fill('2 working days');
  await card.getByTestId('sl-threshold').press('Enter');
  await expect(card.getByTestId('sl-clock')).toHaveValue('working');
  await expect(card.getByTestId('sl-threshold')).toHaveValue('2 working days');
  const saved = (await savedProject(page)).serviceLevels.find((x: any) => x.id === sl.id);
  expect(saved).toMatchObject({ clock: 'working', measure: 'timeInSystem', threshold: 2 * 9 * 60 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/60-worktime-target.png` });

  // The arrivals and a step work to the office calendar.
  await page.getByTestId('node-contract').click();
  await page.getByTestId('field-calendar').selectOption(cal.id);
  await page.getByTestId('node-applications').click();
  await page.getByTestId('field-calendar').selectOption(cal.id);

  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('result-contract')).toBeVisible({ timeout: 90_000 });
  const working = page.getByTestId('mean-wait-working').first();
  await expect(working).toBeVisible({ timeout: 90_000 });
  await expect(working).toContainText(/elapsed · [\d.,]+ working (min|hours|days)/);
  await expect(page.getByTestId('total-time-working').first()).toContainText(/working (min|hours|days)/);
  const figures = page.locator('.sf-keyfigures').first();
  await expect(figures).toContainText('Decided within 2 working days (working time)');
  await expect(figures).not.toContainText(/NaN|undefined|Infinity/);
  await expect(page.getByTestId('step-wait-working').first()).toContainText('working');
  await figures.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/61-worktime-results.png` });

  // A delay typed in working hours counts working time.
  await page.getByTestId('palette-delay').click();
  const mean = page.getByTestId('duration-mode');
  await mean.fill('30 working min');
  await mean.press('Enter');
  await expect(page.getByTestId('delay-working')).toBeChecked();
  await expect(page.getByTestId('duration-mode')).toHaveValue('30 working min');
  await expect(page.getByTestId('duration-max')).toHaveValue('1 working hour');
  await expect(page.getByTestId('duration-summary')).toContainText('working time of Office Mon–Fri 08–17');
  const delay = (await savedProject(page)).scenarios[0].flow.nodes.filter((n: any) => n.kind === 'delay').at(-1);
  expect(delay).toMatchObject({ workingTime: true, duration: { mode: 30 } });
  await page.screenshot({ path: `${SHOTS}/62-worktime-delay.png` });
});
