// The shipped example projects, checked through the schema (defaults filled in).
import { Project } from '../schema';
import loan from './loan.json';

export interface Example {
  id: string;
  title: string;
  summary: string;
  project: Project;
}

export const EXAMPLES: Example[] = [
  {
    id: 'loan',
    title: 'Bank loan application',
    summary: 'Four departments, files returned for missing documents; proposal: a single point of contact.',
    project: Project.parse(loan),
  },
];

export const DEFAULT_EXAMPLE_ID = 'loan';

export function getExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
