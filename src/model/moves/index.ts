// Restructuring moves: typical changes a consultant applies to a flow in one click, as pure
// functions from a flow to a new flow plus a sentence for "What changed".
export type { ClassInfo, MoveResult, ProjectInfo } from './types';
export { mergeSteps, mergeDepartments, combineSteps, connectorsOf, type MergeOptions, type MergeDepartmentsOptions, type Combination } from './merge';
export { singlePointOfContact, customerFacingSteps, type SpocOptions } from './spoc';
export { checkAtIntake, type IntakeOptions } from './intake';
export { automateStep, type AutomateOptions } from './automate';
export { setStaff, setStaffing, moveStaff, staffBudget, staffUnits, unitOfStep, poolKey, type StaffBudget, type StaffUnit } from './staff';
export { fastLane, type FastLaneOptions } from './triage';
export { removeStep } from './remove';
export { runInParallel, type ParallelOptions } from './parallel';
export { candidateMoves, neighbourSteps, type MoveCandidate } from './suggest';
export { moments, distributionWith, type Moments } from './moments';

export type MoveId = 'merge-steps' | 'merge-departments' | 'single-point-of-contact' | 'check-at-intake' | 'automate-step' | 'staff' | 'fast-lane' | 'remove-step' | 'run-in-parallel';

export interface MoveInfo {
  id: MoveId;
  label: string;
  description: string;
}

/** The moves for a menu, in the order a consultant usually thinks of them. */
export const MOVES: readonly MoveInfo[] = [
  {
    id: 'merge-steps',
    label: 'Merge steps',
    description:
      'Two or more steps become one: their staff work together, the handoffs between them disappear, and each customer gets all the work in one go. Customers go on from it as they did from the old steps.',
  },
  {
    id: 'merge-departments',
    label: 'Merge departments',
    description: 'Departments become one: their steps move into it and the handoffs between them disappear. Steps keep their own staff (merge them separately if wanted).',
  },
  {
    id: 'single-point-of-contact',
    label: 'Single point of contact',
    description: 'One front-office step takes over the steps where customers deal with each department; the back office stays behind it.',
  },
  {
    id: 'check-at-intake',
    label: 'Check documents at intake',
    description: 'Files sent back late for missing documents are mostly caught by a check right when customers come in; only the rest is still sent back late.',
  },
  {
    id: 'automate-step',
    label: 'Automate a step',
    description: 'The step is done automatically, taking time but no staff; a share of cases can still go to a person.',
  },
  {
    id: 'staff',
    label: 'Add or move staff',
    description: 'Change the staff of steps, or move staff from one step to another, with the totals per department.',
  },
  {
    id: 'fast-lane',
    label: 'Fast lane',
    description: 'A triage before a step sends chosen classes of customers, or a share of them, to a parallel step with its own staff.',
  },
  {
    id: 'run-in-parallel',
    label: 'Work in parallel',
    description: 'Steps a case goes through one after the other run at the same time instead: a parallel split starts them together and the case goes on when all are done.',
  },
  {
    id: 'remove-step',
    label: 'Remove a step',
    description: 'The step or delay disappears; customers who came to it go straight on to where it sent them, in the same shares.',
  },
];
