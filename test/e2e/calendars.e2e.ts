// Calendars: added from a preset in the project settings, the week painted, a holiday added; a
// step and the arrivals work to it (one change reaches both); the node shows the daily volume.
import { expect, test } from '@playwright/test';
import { freshApp, savedProject, SHOTS } from './helpers';

test('a calendar from a preset, painted, with a holiday, used by a step and the arrivals', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshApp(page);
  await page.getByTestId('project-settings-toggle').click();
  await page.getByTestId('calendar-preset').selectOption('office-lunch');
  await page.getByTestId('add-calendar').click();
  const cal = (await savedProject(page)).calendars[0];
  expect(cal.name).toBe('Mon–Fri 08–17 with lunch 12–13');
  expect(cal.week[0]).toBe('08:00-12:00, 13:00-17:00');
  const summary = page.getByTestId(`calendar-summary-${cal.id}`);
  await expect(summary).toContainText('Open 40 of 168 hours a week');

  // Paint Saturday 09:00–12:00 open with one drag.
  const week = page.getByTestId(`calendar-week-${cal.id}`);
  await week.scrollIntoViewIfNeeded();
  const first = (await page.getByTestId(`calendar-week-${cal.id}-${5 * 24 + 9}`).boundingBox())!;
  const last = (await page.getByTestId(`calendar-week-${cal.id}-${5 * 24 + 11}`).boundingBox())!;
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(summary).toContainText('Open 43 of 168 hours a week');
  expect((await savedProject(page)).calendars[0].week[5]).toBe('09:00-12:00');

  // A public holiday.
  await page.getByTestId(`holiday-date-${cal.id}`).fill('2027-12-25');
  await page.getByTestId(`add-holiday-${cal.id}`).click();
  await expect(page.getByTestId(`holidays-${cal.id}`)).toContainText('2027-12-25');
  await expect(page.getByTestId(`holidays-${cal.id}`)).toContainText('Dates count once the run has a start date');
  expect((await savedProject(page)).calendars[0].holidays).toEqual([{ date: '2027-12-25' }]);
  await page.getByTestId('calendars').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/50-calendar-editor.png` });

  // A step works to it.
  await page.getByTestId('node-contract').click();
  await page.getByTestId('field-calendar').selectOption(cal.id);
  await expect(page.getByTestId('node-contract')).toContainText(cal.name);
  await page.getByTestId('field-at-close').selectOption('hand-over');
  // The arrivals arrive in its hours: 40 a day is the day's volume.
  await page.getByTestId('node-applications').click();
  await page.getByTestId('field-calendar').selectOption(cal.id);
  await page.getByTestId('field-rate').fill('40');
  await page.getByTestId('field-rate').press('Enter');
  await page.getByLabel('per').selectOption('day');
  await expect(page.getByTestId('arrivals-volume')).toContainText('≈ 40 customers a day on 6 days a week (240 a week)');
  await expect(page.getByTestId('node-applications')).toContainText('≈ 40 a day (6 days a week)');
  const flow = (await savedProject(page)).scenarios[0].flow;
  expect(flow.nodes.find((n: any) => n.id === 'contract')).toMatchObject({ calendarId: cal.id, atClose: 'hand-over' });
  expect(flow.nodes.find((n: any) => n.id === 'applications')).toMatchObject({ calendarId: cal.id, arrivals: { rate: 40, per: 'day' } });
  await page.screenshot({ path: `${SHOTS}/51-calendar-arrivals.png` });

  // The calendar in use cannot be removed; the run goes through.
  await page.getByTestId('project-settings-toggle').click();
  await expect(page.getByTestId(`calendar-remove-${cal.id}`)).toHaveCount(0);
  await expect(summary).toContainText('Used by: Loan applications, Contract signing');
  await page.getByTestId('run-current').click();
  await expect(page.getByTestId('result-contract')).toBeVisible({ timeout: 90_000 });
  // The heat map of the week for the step on the calendar: waiting by hour of day × weekday.
  const heat = page.getByTestId('hour-heatmap');
  await expect(heat).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('heatmap-step')).toHaveValue('contract');
  await expect(page.getByTestId('heatmap-closed')).toContainText('of the waiting at “Contract signing” is while it is closed (open 26 % of the week’s hours)');
  await heat.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/53-calendar-heatmap.png` });
  await page.getByTestId('heatmap-measure').selectOption('busy');
  await expect(page.getByTestId('heat-3')).toHaveAttribute('title', /Mon 03:00–04:00: 0 % busy/);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/52-calendar-run.png` });
});
