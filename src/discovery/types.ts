// What discovery takes and gives: an event log in, an ordinary project (the baseline) out, with a
// report of every choice made, in the user's words.
import type { Project, TimeUnit } from '../model/schema';

export interface DiscoveryOptions {
  /** Project name (default: from the log's name). */
  name?: string;
  /**
   * Rare paths (transitions between activities) are left out of the model: from each activity,
   * its least-followed ways out that together carry at most this share of the cases leaving it
   * (relative to the activity, so that large models keep their ordinary paths); the report says
   * which share of the log's cases the model then covers. Default 0.01.
   */
  rarePaths?: number;
  /** A case attribute whose values become customer classes (optional). */
  classAttribute?: string;
  /** The project's time unit (default: chosen from the typical service time). */
  timeUnit?: TimeUnit;
}

export type ReportTopic =
  | 'log'
  | 'steps'
  | 'departments'
  | 'staff'
  | 'working-time'
  | 'arrivals'
  | 'service-times'
  | 'routing'
  | 'classes'
  | 'coverage';

export interface ReportLine {
  topic: ReportTopic;
  severity: 'info' | 'warning';
  /** One sentence in the user's words (step and department names, hours, shares). */
  message: string;
}

export interface Discovery {
  project: Project;
  report: ReportLine[];
  /** Share (0–1) of the log's cases whose path the model can reproduce. */
  coverage: number;
}

/** Reports progress: `done` of `total` units of work, and what is being done. */
export type Progress = (done: number, total: number, what: string) => void;
