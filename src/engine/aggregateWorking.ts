// Working time across replications (only when the project has calendars): the waiting and time
// in system of customers in the main calendar's open hours, and each step's waiting in its own
// calendar's open hours, as duration estimates like the elapsed ones.
import { hoursPerWorkingDay } from './worktime';
import type { Project } from '../model/schema';
import { durationEstimate, type DurationEstimate } from './aggregate';
import type { ReplicationResult } from './types';

export interface WorkingTimeEstimates {
  /** The main calendar (worktime.ts rule) and the open hours of its average open day. */
  calendarId: string;
  calendarName: string;
  hoursPerWorkingDay: number;
  waitingTime: DurationEstimate;
  timeInSystem: DurationEstimate;
}

export function overallWorking(project: Project, reps: readonly ReplicationResult[]): { workingTime?: WorkingTimeEstimates } {
  if (!reps.every((r) => r.working)) return {};
  const id = reps[0]!.working!.calendarId;
  const cal = (project.calendars ?? []).find((c) => c.id === id);
  return {
    workingTime: {
      calendarId: id,
      calendarName: cal?.name ?? id,
      hoursPerWorkingDay: cal ? hoursPerWorkingDay(cal) : 0,
      waitingTime: durationEstimate(reps.map((r) => r.working!.waitingTime)),
      timeInSystem: durationEstimate(reps.map((r) => r.working!.timeInSystem)),
    },
  };
}

export function stepWorking(reps: readonly ReplicationResult[], id: string): { workingWaitingTime?: DurationEstimate } {
  if (!reps.every((r) => r.working?.steps[id])) return {};
  return { workingWaitingTime: durationEstimate(reps.map((r) => r.working!.steps[id]!)) };
}
