// The shipped example projects, checked through the schema (defaults filled in).
import { Project } from '../schema';
import loan from './loan.json';
import contactCentre from './contact-centre.json';
import repair from './repair.json';
import mortgage from './mortgage.json';
import claims from './claims.json';

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
  {
    id: 'contact-centre',
    title: 'Customer-service contact centre',
    summary: 'A lunchtime peak, callers who hang up, complaints escalated to technical support; proposal: a cross-trained first level.',
    project: Project.parse(contactCentre),
  },
  {
    id: 'repair',
    title: 'After-sales repair',
    summary: 'Intake, diagnosis, waiting for parts, repair and quality check, aiming at 90 % returned within 24 h; proposal: triage with a fast lane.',
    project: Project.parse(repair),
  },
  {
    id: 'mortgage',
    title: 'Mortgage approval',
    summary: 'Credit scoring, a fraud check and a surveyor’s valuation one after another; proposal: all three checks in parallel.',
    project: Project.parse(mortgage),
  },
  {
    id: 'claims',
    title: 'Insurance claims',
    summary: '40 claims a working day, an office open Mon–Fri 08–17 with lunch, about 2 days waiting for documents; proposal: documents uploaded online and a claims desk open 07–19.',
    project: Project.parse(claims),
  },
];

export const DEFAULT_EXAMPLE_ID = 'loan';

export function getExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
