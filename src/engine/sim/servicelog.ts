// Recording who serves whom, for a simulated event log. The engine counts busy staff and never
// needs to know which member of staff serves; when a log is asked for (`ReplicationOptions.
// serviceLog`), these hooks give every service a named member: the lowest-numbered member of the
// step's own staff (or of its pool) who is free at that moment. A member serves one customer at a
// time, and a member who finishes is free before the next customer is taken from the queue.
// Without a log nothing here runs (the callers test `s.serviceLog` first).
import type { Sim } from './state';

/** One finished service: rows grow as services end (times in the project's time unit). */
export class ServiceLog {
  /** Stop new arrivals after this many cases, and end the run once they have all left. */
  readonly caseLimit: number;
  cases = 0;
  casesLeft = 0;
  /** Rows: case number (in order of arrival), step (node index), staff member, start, end. */
  rowCase: number[] = [];
  rowStep: number[] = [];
  rowMember: number[] = [];
  rowStart: number[] = [];
  rowEnd: number[] = [];
  /** Staff members: their group (a step's own staff: node index; a pool: −1 − pool) and number from 1. */
  memberGroup: number[] = [];
  memberNumber: number[] = [];
  /** Per group key: for each member number − 1, the member's index, and whether busy. */
  private readonly groups = new Map<number, { member: number[]; busy: boolean[] }>();
  /** Per customer index: case number (whole customers), member serving and start of the service. */
  private caseOf = new Int32Array(256);
  private servedBy = new Int32Array(256);
  private since = new Float64Array(256);
  /** Services handed over at a shift's end and carried on later, by customer index (few at a time). */
  private readonly handed = new Map<number, { member: number; start: number; end: number; caseNo: number; step: number }>();

  constructor(caseLimit = Infinity) {
    this.caseLimit = caseLimit;
  }

  private ensure(c: number): void {
    if (c < this.caseOf.length) return;
    let n = this.caseOf.length;
    while (n <= c) n *= 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.caseOf = grow(this.caseOf, (k) => new Int32Array(k));
    this.servedBy = grow(this.servedBy, (k) => new Int32Array(k));
    this.since = grow(this.since, (k) => new Float64Array(k));
  }

  /** Whether arrivals should stop (the case limit is reached). */
  get arrivalsClosed(): boolean {
    return this.cases >= this.caseLimit;
  }

  /** A free member of the group: `preferred` if free, else the lowest-numbered free one. */
  take(group: number, preferred = -1): number {
    let g = this.groups.get(group);
    if (!g) this.groups.set(group, (g = { member: [], busy: [] }));
    let k = preferred >= 0 && this.memberGroup[preferred] === group && !g.busy[this.memberNumber[preferred]! - 1] ? this.memberNumber[preferred]! - 1 : g.busy.indexOf(false);
    if (k < 0) {
      k = g.busy.length;
      g.busy.push(false);
      g.member.push(this.memberGroup.length);
      this.memberGroup.push(group);
      this.memberNumber.push(k + 1);
    }
    g.busy[k] = true;
    return g.member[k]!;
  }

  release(member: number): void {
    const g = this.groups.get(this.memberGroup[member]!)!;
    g.busy[this.memberNumber[member]! - 1] = false;
  }

  arrived(c: number): void {
    this.ensure(c);
    this.caseOf[c] = this.cases++;
  }

  started(c: number, group: number, now: number): void {
    this.ensure(c);
    const piece = this.handed.get(c);
    this.servedBy[c] = this.take(group, piece ? piece.member : -1);
    this.since[c] = now;
    if (!piece) return;
    this.handed.delete(c);
    // Work handed over at a shift's end and taken up again by the same member is one activity in
    // the log (as in the logs of real offices: a task left overnight); by another member, two.
    if (this.servedBy[c] === piece.member) this.since[c] = piece.start;
    else this.row(piece.caseNo, piece.step, piece.member, piece.start, piece.end);
  }

  /** The service of c stops at a shift's end and is carried on later: its row waits. */
  handedOver(c: number, caseNo: number, step: number, now: number): void {
    const member = this.servedBy[c]!;
    this.release(member);
    this.handed.set(c, { member, start: this.since[c]!, end: now, caseNo, step });
  }

  private row(caseNo: number, step: number, member: number, start: number, end: number): void {
    this.rowCase.push(caseNo);
    this.rowStep.push(step);
    this.rowMember.push(member);
    this.rowStart.push(start);
    this.rowEnd.push(end);
  }

  ended(c: number, caseNo: number, step: number, now: number): void {
    const member = this.servedBy[c]!;
    this.release(member);
    this.row(caseNo, step, member, this.since[c]!, now);
  }

  caseNumber(c: number): number {
    return this.caseOf[c]!;
  }
}

/** The case a customer index belongs to (a part of a split case belongs to its case). */
function caseOf(s: Sim, log: ServiceLog, c: number): number {
  let root = c;
  while (s.cust.parent[root]! >= 0) root = s.cust.parent[root]!;
  return log.caseNumber(root);
}

const groupOf = (s: Sim, node: number): number => {
  const p = s.m.pool[node]!;
  return p >= 0 ? -1 - p : node;
};

/** Hook: a customer arrived (a new case). */
export function logArrival(s: Sim, log: ServiceLog, c: number): void {
  log.arrived(c);
}

/** Hook: service of c at `node` starts now. */
export function logServiceStart(s: Sim, log: ServiceLog, node: number, c: number, now: number): void {
  log.started(c, groupOf(s, node), now);
}

/** Hook: service of c is handed over at the end of a shift (its row is written when it is done). */
export function logHandOver(s: Sim, log: ServiceLog, node: number, c: number, now: number): void {
  log.handedOver(c, caseOf(s, log, c), node, now);
}

/** Hook: service of c at `node` ends now. */
export function logServiceEnd(s: Sim, log: ServiceLog, node: number, c: number, now: number): void {
  log.ended(c, caseOf(s, log, c), node, now);
}

/** Hook: customer c leaves the system; with a case limit, the run ends when every case has left. */
export function logLeave(s: Sim, log: ServiceLog, c: number): void {
  if (s.cust.parent[c]! >= 0) return;
  log.casesLeft++;
  if (log.arrivalsClosed && log.casesLeft >= log.cases) s.finished = true;
}
