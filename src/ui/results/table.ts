// The step table: rows for the results view and the CSV export (same column names as the results format).
import type { ScenarioResults } from '../../engine/aggregate';

export interface StepRow {
  id: string;
  name: string;
  department: string;
  waitMean: number;
  waitMeanCi: number;
  waitP90: number;
  waitMax: number;
  queueMean: number;
  queueMeanCi: number;
  queueMax: number;
  utilization: number;
  utilizationCi: number;
  throughput: number;
  abandoned: number;
  turnedAway: number;
  waitingShare: number;
  arrivalRate: number;
  timeAtStep: number;
  waitedShare: number;
  abandonedWait: number;
  /** Only with calendars: waiting per visit in working time of the step's calendar. */
  workWaitMean?: number;
  workWaitMeanCi?: number;
  workWaitP90?: number;
}

export function stepTableRows(s: ScenarioResults): StepRow[] {
  return Object.values(s.steps)
    .filter((st) => st.kind === 'step')
    .map((st) => ({
      id: st.id,
      name: st.name,
      department: (st.departmentId && s.departments[st.departmentId]?.name) || '',
      waitMean: st.waitingTime.mean,
      waitMeanCi: st.waitingTime.ci95,
      waitP90: st.waitingTime.p90.mean,
      waitMax: st.waitingTime.max.mean,
      queueMean: st.queueLength.mean.mean,
      queueMeanCi: st.queueLength.mean.ci95,
      queueMax: st.queueLength.max.mean,
      utilization: st.utilization.mean,
      utilizationCi: st.utilization.ci95,
      throughput: st.throughput.mean,
      abandoned: st.abandoned.mean,
      turnedAway: st.turnedAway.mean,
      waitingShare: st.waitingShare.mean,
      arrivalRate: st.arrivalRate.mean,
      timeAtStep: st.timeAtStep.mean,
      waitedShare: st.waitedShare.mean,
      abandonedWait: st.abandonedWait.mean,
      ...(st.workingWaitingTime ? { workWaitMean: st.workingWaitingTime.mean, workWaitMeanCi: st.workingWaitingTime.ci95, workWaitP90: st.workingWaitingTime.p90.mean } : {}),
    }));
}

const COLUMNS: [string, (r: StepRow) => string | number][] = [
  ['stepId', (r) => r.id],
  ['step', (r) => r.name],
  ['department', (r) => r.department],
  ['waitingTime.mean', (r) => r.waitMean],
  ['waitingTime.ci95', (r) => r.waitMeanCi],
  ['waitingTime.p90', (r) => r.waitP90],
  ['waitingTime.max', (r) => r.waitMax],
  ['queueLength.mean', (r) => r.queueMean],
  ['queueLength.mean.ci95', (r) => r.queueMeanCi],
  ['queueLength.max', (r) => r.queueMax],
  ['utilization', (r) => r.utilization],
  ['utilization.ci95', (r) => r.utilizationCi],
  ['throughput', (r) => r.throughput],
  ['abandoned', (r) => r.abandoned],
  ['turnedAway', (r) => r.turnedAway],
  ['waitingShare', (r) => r.waitingShare],
  ['arrivalRate', (r) => r.arrivalRate],
  ['timeAtStep', (r) => r.timeAtStep],
  ['waitedShare', (r) => r.waitedShare],
  ['abandonedWait', (r) => r.abandonedWait],
];

const cell = (v: string | number) => (typeof v === 'number' ? String(+v.toPrecision(8)) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Columns added when the project has calendars (waiting in working time). */
const WORKING_COLUMNS: [string, (r: StepRow) => string | number][] = [
  ['workingWaitingTime.mean', (r) => r.workWaitMean ?? ''],
  ['workingWaitingTime.ci95', (r) => r.workWaitMeanCi ?? ''],
  ['workingWaitingTime.p90', (r) => r.workWaitP90 ?? ''],
];

export function stepTableCsv(s: ScenarioResults): string {
  const rows = stepTableRows(s);
  const cols = rows.some((r) => r.workWaitMean !== undefined) ? [...COLUMNS, ...WORKING_COLUMNS] : COLUMNS;
  return [cols.map(([h]) => h).join(','), ...rows.map((r) => cols.map(([, f]) => cell(f(r))).join(','))].join('\n') + '\n';
}
