// Customers: one index per customer in the system (or part of a split case), recycled through a
// free list, with one typed-array column per attribute.
import { changeWip } from './collect';
import { logLeave } from './servicelog';
import type { Sim } from './state';

export class Customers {
  cap = 256;
  cls = new Int32Array(this.cap);
  arrT = new Float64Array(this.cap);
  waitTotal = new Float64Array(this.cap);
  /** Waiting in working time of the main calendar (only with calendars: worktime.ts). */
  waitWork = new Float64Array(this.cap);
  lastPartWaitWork = new Float64Array(this.cap);
  qEnter = new Float64Array(this.cap);
  /** When the customer reached the step it is at (its queue or its service): time at the step per visit. */
  stepEnter = new Float64Array(this.cap);
  /** Bumped when the customer joins or leaves a queue: older queue entries and patience go stale. */
  gen = new Int32Array(this.cap);
  // Service at tracked steps (systems, hand-over): a token per customer invalidates the end event
  // of a service paused by an outage or handed over; the end time and what remains are kept.
  svcToken = new Int32Array(this.cap);
  svcEnd = new Float64Array(this.cap);
  svcLeft = new Float64Array(this.cap);
  /** Handed over at the end of a shift: the next service resumes with svcLeft. */
  resume = new Uint8Array(this.cap);
  lastDept = new Int32Array(this.cap);
  // Parallel work: the case a part belongs to (−1: a whole customer); for a split case, its parts
  // still out, those arrived at a join, the join, the first arrival and the sum of arrival times
  // there, and the waiting of the part that came last.
  parent = new Int32Array(this.cap);
  partsOpen = new Int32Array(this.cap);
  partsJoined = new Int32Array(this.cap);
  joinAt = new Int32Array(this.cap);
  joinFirst = new Float64Array(this.cap);
  joinSum = new Float64Array(this.cap);
  lastPartWait = new Float64Array(this.cap);
  handoffs = new Int32Array(this.cap);
  touchedCount = new Int32Array(this.cap);
  // Departments touched and steps on a loop visited (compile.ts loopIndex): a bit mask per
  // customer when there are at most 32 of them (cleared on arrival), else a customers × items
  // table marked with the customer's life number (a recycled index gets a new one), so nothing
  // needs clearing.
  readonly deptBits: boolean;
  readonly loopBits: boolean;
  deptMask = new Int32Array(this.cap);
  loopMask = new Int32Array(this.cap);
  life = new Int32Array(this.cap);
  lives = 0;
  touched: Int32Array;
  visited: Int32Array;
  freeList = new Int32Array(this.cap);
  freeTop = 0;
  nextNew = 0;

  constructor(
    private readonly nLoops: number,
    private readonly nDepts: number,
  ) {
    this.deptBits = nDepts <= 32;
    this.loopBits = nLoops <= 32;
    this.touched = new Int32Array(this.deptBits ? 0 : this.cap * nDepts);
    this.visited = new Int32Array(this.loopBits ? 0 : this.cap * nLoops);
  }

  /** Customer c touches department d: true when for the first time. */
  touchDept(c: number, d: number): boolean {
    if (this.deptBits) {
      const m = this.deptMask[c]!;
      const bit = 1 << d;
      if ((m & bit) !== 0) return false;
      this.deptMask[c] = m | bit;
      return true;
    }
    const t = c * this.nDepts + d;
    if (this.touched[t] === this.life[c]) return false;
    this.touched[t] = this.life[c]!;
    return true;
  }

  /** Whether customer c touched department d. */
  hasTouched(c: number, d: number): boolean {
    return this.deptBits ? (this.deptMask[c]! & (1 << d)) !== 0 : this.touched[c * this.nDepts + d] === this.life[c];
  }

  /** Customer c visits the loop step numbered li: true when it had been there before. */
  visitLoop(c: number, li: number): boolean {
    if (this.loopBits) {
      const m = this.loopMask[c]!;
      const bit = 1 << li;
      this.loopMask[c] = m | bit;
      return (m & bit) !== 0;
    }
    const v = c * this.nLoops + li;
    const seen = this.visited[v] === this.life[c];
    this.visited[v] = this.life[c]!;
    return seen;
  }

  /** A fresh customer index. */
  add(): number {
    let c: number;
    if (this.freeTop > 0) c = this.freeList[--this.freeTop]!;
    else {
      if (this.nextNew === this.cap) this.grow();
      c = this.nextNew++;
    }
    this.waitTotal[c] = 0;
    this.waitWork[c] = 0;
    this.lastDept[c] = -1;
    this.parent[c] = -1;
    this.handoffs[c] = 0;
    this.touchedCount[c] = 0;
    this.deptMask[c] = 0;
    this.loopMask[c] = 0;
    this.lives = (this.lives + 1) | 0 || 1; // 0 marks nothing
    this.life[c] = this.lives;
    return c;
  }

  /** Gives the index back for reuse. */
  free(c: number): void {
    this.freeList[this.freeTop++] = c;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.cls = i32(this.cls);
    this.svcToken = i32(this.svcToken);
    this.svcEnd = f64(this.svcEnd);
    this.svcLeft = f64(this.svcLeft);
    const resume = new Uint8Array(cap);
    resume.set(this.resume);
    this.resume = resume;
    this.arrT = f64(this.arrT);
    this.waitTotal = f64(this.waitTotal);
    this.waitWork = f64(this.waitWork);
    this.lastPartWaitWork = f64(this.lastPartWaitWork);
    this.qEnter = f64(this.qEnter);
    this.stepEnter = f64(this.stepEnter);
    this.gen = i32(this.gen);
    this.lastDept = i32(this.lastDept);
    this.parent = i32(this.parent);
    this.partsOpen = i32(this.partsOpen);
    this.partsJoined = i32(this.partsJoined);
    this.joinAt = i32(this.joinAt);
    this.joinFirst = f64(this.joinFirst);
    this.joinSum = f64(this.joinSum);
    this.lastPartWait = f64(this.lastPartWait);
    this.handoffs = i32(this.handoffs);
    this.touchedCount = i32(this.touchedCount);
    this.freeList = i32(this.freeList);
    this.life = i32(this.life);
    this.deptMask = i32(this.deptMask);
    this.loopMask = i32(this.loopMask);
    if (!this.deptBits) {
      const touched = new Int32Array(cap * this.nDepts);
      touched.set(this.touched);
      this.touched = touched;
    }
    if (!this.loopBits) {
      const visited = new Int32Array(cap * this.nLoops);
      visited.set(this.visited);
      this.visited = visited;
    }
    this.cap = cap;
  }
}

/** Customer c leaves the system (exit, gave up, turned away). */
export function leave(s: Sim, c: number, now: number): void {
  if (s.serviceLog) logLeave(s, s.serviceLog, c);
  changeWip(s, now, -1);
  s.cust.free(c);
}
