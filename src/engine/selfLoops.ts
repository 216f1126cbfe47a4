// A step connected from its output straight back to its own input: a share of its customers is
// served there again (and again). Allowed, but never silent: a warning names the step and how
// often the work repeats; a loop that takes every customer back (100 %) is an error, since
// nobody would ever leave the step.
import type { Scenario } from '../model/schema';
import type { Finding } from '../model/validate';
import { formatShare } from './format';

export function selfLoopFindings(scenario: Scenario, at: string): Finding[] {
  const findings: Finding[] = [];
  scenario.flow.edges.forEach((e, i) => {
    if (e.source !== e.target) return;
    const node = scenario.flow.nodes.find((n) => n.id === e.source);
    if (!node) return;
    const out = scenario.flow.edges.filter((x) => x.source === e.source);
    const share = out.length === 1 ? 1 : e.probability;
    const path = `${at}.edges[${i}]`;
    if (share === undefined) return; // a missing share is reported by the structure checks
    if (share >= 1) {
      findings.push({ severity: 'error', path, nodeId: node.id, edgeId: e.id, message: `"${node.name}" sends every customer back into itself (100 %): nobody would ever leave it. Give the loop a share below 100 % and add a way out.` });
      return;
    }
    if (share <= 0) return;
    const visits = 1 / (1 - share);
    findings.push({
      severity: 'warning',
      path,
      nodeId: node.id,
      edgeId: e.id,
      message: `"${node.name}" is repeated on ${formatShare(share)} of visits (a connection from it back to itself): each customer is served there ${visits.toFixed(visits < 10 ? 2 : 1)} times on average, which multiplies its work by as much.`,
    });
  });
  return findings;
}
