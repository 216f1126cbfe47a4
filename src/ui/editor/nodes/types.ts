import type { Node } from '@xyflow/react';
import type { FlowNode, TimeUnit } from '../../../model/schema';
import type { StepLoad } from '../../../engine/traffic';
import type { Calendar } from '../../../model/calendar';

export interface StepResultFigures {
  utilization: number;
  meanQueue: number;
  meanWait: number;
}

export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  unit: TimeUnit;
  deptColor: string | undefined;
  load: StepLoad | undefined;
  severity: 'error' | 'warning' | undefined;
  messages: string[];
  /** Simulation results for this step, when there are (fresh or stale) results. */
  result: StepResultFigures | undefined;
  stale: boolean;
  /** The staff pool a step draws on, if any. */
  pool?: { name: string; size: number };
  /** The calendar a step or arrivals node works to, if any. */
  calendar?: Calendar;
  /** For a join with simulation results: a case's mean wait there for its other parts. */
  joinWait?: number;
}

export type FlowRFNode = Node<FlowNodeData>;
