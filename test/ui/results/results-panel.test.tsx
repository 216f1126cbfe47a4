// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResultsPanel } from '../../../src/ui/results/ResultsPanel';
import { runExperiment, withOverrides } from '../../../src/engine/experiment';
import { projectHash } from '../../../src/engine/results';
import { getExample } from '../../../src/model/examples';
import * as edits from '../../../src/ui/store/edits';
import { stepTableCsv, stepTableRows } from '../../../src/ui/results/table';
import { renderWithStore } from '../helpers';

const loan = withOverrides(getExample('loan')!.project, { replications: 3 });
const project = { ...loan, run: { ...loan.run, horizon: { kind: 'duration' as const, duration: 20_000 } } };
const results = runExperiment(project);

function showResults() {
  const r = renderWithStore(<ResultsPanel />, project);
  act(() => r.store.setState({ results, resultsHash: projectHash(project), runStatus: 'done' }));
  return r;
}

describe('ResultsPanel', () => {
  it('shows nothing before the first run', () => {
    renderWithStore(<ResultsPanel />, project);
    expect(screen.queryByTestId('results')).toBeNull();
  });

  it('shows the key figures of each scenario with their confidence intervals and the bottleneck in words', () => {
    showResults();
    const base = screen.getByTestId('figures-baseline');
    const mean = results.scenarios[0]!.overall.waitingTime;
    expect(within(base).getByTestId('mean-wait').textContent).toMatch(/^\d+(\.\d)? (min|h) ± [\d.]+ (s|min|h)$/);
    expect(mean.ci95).toBeGreaterThan(0);
    expect(screen.getByTestId('bottleneck-baseline').textContent).toBe(`Bottleneck — ${results.scenarios[0]!.bottlenecks.statement}`);
    expect(within(base).getByText('Decided within 5 days')).toBeTruthy();
    expect(screen.getByTestId('figures-single-point-of-contact')).toBeTruthy();
  });

  it('states the comparison in sentences, coloured by whether it is better or worse', () => {
    showResults();
    const c = screen.getByTestId('comparison-single-point-of-contact');
    const wait = results.comparisons[0]!.overall.find((m) => m.metric === 'waitingTime.mean')!;
    const item = within(c).getByText(wait.sentence);
    expect(item.className).toBe(wait.significant ? 'is-better' : 'is-same');
    expect(c.textContent).toMatch(/Only in the proposal: .*Advisor/);
  });

  it('sorts the step table by the column clicked', () => {
    showResults();
    const table = screen.getByTestId('step-table');
    fireEvent.click(within(table).getByText('Mean wait'));
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')!.textContent);
    const expected = stepTableRows(results.scenarios[0]!)
      .sort((a, b) => b.waitMean - a.waitMean)
      .map((r) => r.name);
    expect(names).toEqual(expected);
    expect(screen.getByTestId('department-table').textContent).toContain('Credit department');
  });

  it('the step table shows arrivals, the share who had to wait and the time there per visit', () => {
    showResults();
    const table = screen.getByTestId('step-table');
    for (const h of ['Arriving', 'Had to wait', 'Time there per visit']) expect(within(table).getByText(h)).toBeTruthy();
    fireEvent.click(within(table).getByText('Time there per visit'));
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')!.textContent);
    const expected = stepTableRows(results.scenarios[0]!)
      .sort((a, b) => b.timeAtStep - a.timeAtStep)
      .map((r) => r.name);
    expect(names).toEqual(expected);
    // Time at a step is at least its waiting: both come from the same visits.
    for (const r of stepTableRows(results.scenarios[0]!)) expect(r.timeAtStep).toBeGreaterThanOrEqual(r.waitMean * 0.999);
  });

  it('marks results stale when the model changes after the run', () => {
    const { store } = showResults();
    expect(screen.queryByTestId('stale')).toBeNull();
    act(() => store.getState().edit((p) => edits.renameScenario(p, 'baseline', 'Today (edited)')));
    expect(screen.getByTestId('stale')).toBeTruthy();
  });

  it('shows progress while running and the message of a failed run', () => {
    const { store } = renderWithStore(<ResultsPanel />, project);
    act(() => store.setState({ runStatus: 'running', runProgress: { done: 3, total: 40, etaMs: 4200 } }));
    expect(screen.getByTestId('progress').textContent).toContain('3 of 40 replications · about 4 s left');
    act(() => store.setState({ runStatus: 'error', runError: 'The run stopped after 1,000 events.' }));
    expect(screen.getByTestId('run-error').textContent).toContain('1,000 events');
  });

  it('draws the charts and writes the step table as CSV with the results-format names', () => {
    showResults();
    expect(screen.getByTestId('chart-waiting-cdf').querySelectorAll('path').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByTestId('chart-utilization').querySelectorAll('rect').length).toBeGreaterThan(5);
    expect(screen.getByTestId('chart-queue-time').querySelectorAll('path').length).toBeGreaterThan(2);
    expect(screen.getByTestId('chart-class-times').textContent).toContain('Large loan');
    const csv = stepTableCsv(results.scenarios[0]!).split('\n');
    expect(csv[0]).toBe('stepId,step,department,waitingTime.mean,waitingTime.ci95,waitingTime.p90,waitingTime.max,queueLength.mean,queueLength.mean.ci95,queueLength.max,utilization,utilization.ci95,throughput,abandoned,turnedAway,waitingShare,arrivalRate,timeAtStep,waitedShare,abandonedWait');
    expect(csv.find((l) => l.startsWith('credit-analysis,'))).toContain('Credit department');
  });
});

describe('ResultsPanel: the department table', () => {
  it('sorts by the column clicked', () => {
    showResults();
    const table = screen.getByTestId('department-table');
    fireEvent.click(within(table).getByText('Staff'));
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')!.textContent);
    const expected = Object.values(results.scenarios[0]!.departments)
      .sort((a, b) => b.staff - a.staff)
      .map((d) => d.name);
    expect(names).toEqual(expected);
  });
});
