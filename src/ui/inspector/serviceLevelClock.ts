// The working clock service levels count against: the main calendar (engine/worktime.ts) of the
// baseline's flow, with its working day (open hours of its average open day). Undefined without calendars.
import { hoursPerWorkingDay, mainCalendarId } from '../../engine/worktime';
import { openHoursPerWeek } from '../../model/calendar';
import type { WorkingClock } from '../../model/duration';
import type { Project } from '../../model/schema';

export function serviceLevelClock(project: Project): WorkingClock | undefined {
  const scenario = project.scenarios.find((s) => s.kind === 'baseline') ?? project.scenarios[0];
  const id = scenario && mainCalendarId(project, scenario.flow);
  const cal = project.calendars?.find((c) => c.id === id);
  return cal && { calendarName: cal.name, hoursPerDay: hoursPerWorkingDay(cal), hoursPerWeek: openHoursPerWeek(cal), on: false };
}
