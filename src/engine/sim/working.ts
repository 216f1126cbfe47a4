// Working time in the results (only when the project has calendars, see worktime.ts): per
// customer who leaves through an exit, the waiting and the time in system that fell in the main
// calendar's open hours; per step, each visit's waiting in the step's calendar's open hours.
import { GrowableArray, summarize } from '../stats';
import type { SampleStats } from '../types';
import type { Sim } from './state';
import { byId } from '../../model/ids';

export class WorkStats {
  readonly waits = new GrowableArray(4096);
  readonly sojourns = new GrowableArray(4096);
  readonly stepWaits: (GrowableArray | undefined)[];
  constructor(steps: readonly unknown[]) {
    this.stepWaits = steps.map((clock) => (clock !== undefined ? new GrowableArray(1024) : undefined));
  }
}

/** Service of c starts at `node`: its waiting there in working time. */
export function recordWorkWait(s: Sim, node: number, c: number, now: number): void {
  const w = s.m.work!;
  const from = s.cust.qEnter[c]!;
  s.cust.waitWork[c]! += w.main.between(from, now);
  if (s.inWindow) s.work!.stepWaits[node]!.push(w.step[node]!.between(from, now));
}

/** Customer c leaves through an exit (in the window). */
export function recordWorkExit(s: Sim, c: number, now: number): void {
  const w = s.work!;
  w.waits.push(s.cust.waitWork[c]!);
  w.sojourns.push(s.m.work!.main.between(s.cust.arrT[c]!, now));
}

export interface WorkingFigures {
  calendarId: string;
  waitingTime: SampleStats;
  timeInSystem: SampleStats;
  /** Per step id: waiting per visit in working time of the step's calendar. */
  steps: Record<string, SampleStats>;
}

export function workingFigures(s: Sim): WorkingFigures | undefined {
  const w = s.work;
  if (!w) return undefined;
  const steps = byId<SampleStats>();
  w.stepWaits.forEach((a, i) => {
    if (a) steps[s.m.nodeIds[i]!] = summarize(a.view());
  });
  return { calendarId: s.m.work!.mainId, waitingTime: summarize(w.waits.view()), timeInSystem: summarize(w.sojourns.view()), steps };
}
