// Replaying a watched run: events streamed from the worker (six numbers each, see TRACE in
// src/engine/types.ts) are applied up to the animation's clock, keeping per-step counts of
// customers waiting (by class), being served and in delays, and totals for the live counters.
// Pure: no DOM, so it is tested against the engine directly.
import { TRACE } from '../../engine/types';
import type { NodeKind } from '../../model/schema';

export const TRACE_FIELDS = 6;

export interface Flight {
  from: number;
  to: number;
  cls: number;
}

export class Playback {
  readonly waiting: Int32Array;
  /** Waiting customers by node and class: waitingByClass[node * classes + cls]. */
  readonly waitingByClass: Int32Array;
  readonly busy: Int32Array;
  readonly inDelay: Int32Array;
  /** Parts of split cases waiting at each join for the other parts. */
  readonly atJoin: Int32Array;
  /** Parts of split cases still out, and cases held while their parts move (parallel work). */
  parts = 0;
  holders = 0;
  arrived = 0;
  served = 0;
  gaveUp = 0;
  turnedAway = 0;
  inside = 0;
  /** Time of the last event applied. */
  time = 0;
  /** Time of the last event received so far. */
  receivedUntil = 0;
  /** True once the worker has sent everything; `endTime` is then the end of the run. */
  complete = false;
  endTime = Infinity;
  private readonly batches: Float64Array[] = [];
  private batch = 0;
  private offset = 0;

  constructor(
    private readonly kinds: readonly NodeKind[],
    private readonly classes: number,
  ) {
    const n = kinds.length;
    this.waiting = new Int32Array(n);
    this.waitingByClass = new Int32Array(n * Math.max(1, classes));
    this.busy = new Int32Array(n);
    this.inDelay = new Int32Array(n);
    this.atJoin = new Int32Array(n);
  }

  push(events: Float64Array): void {
    if (events.length === 0) return;
    this.batches.push(events);
    this.receivedUntil = events[events.length - TRACE_FIELDS + 1]!;
  }

  finish(endTime: number): void {
    this.complete = true;
    this.endTime = Math.max(endTime, this.receivedUntil);
  }

  /** The clock may run up to here: the end of the run, or the last event received. */
  get horizon(): number {
    return this.complete ? this.endTime : this.receivedUntil;
  }

  /** Applies every event at or before `t`; each customer movement is reported to `onMove`. */
  advance(t: number, onMove?: (f: Flight) => void): number {
    let applied = 0;
    while (this.batch < this.batches.length) {
      const b = this.batches[this.batch]!;
      const o = this.offset;
      const time = b[o + 1]!;
      if (time > t) break;
      this.apply(b[o]!, b[o + 3]!, b[o + 4]!, b[o + 5]!, onMove);
      this.time = time;
      applied++;
      this.offset += TRACE_FIELDS;
      if (this.offset >= b.length) {
        this.batches[this.batch] = new Float64Array(0); // let it be collected
        this.batch++;
        this.offset = 0;
      }
    }
    return applied;
  }

  /** Customers waiting at a step of each class (in class order). */
  waitingClasses(node: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.classes; k++) out.push(this.waitingByClass[node * this.classes + k]!);
    return out;
  }

  /** One more (or fewer) customer of class `cls` waiting at step `a`. */
  private wait(a: number, cls: number, delta: number): void {
    this.waiting[a]! += delta;
    this.waitingByClass[a * this.classes + cls]! += delta;
  }

  private apply(kind: number, cls: number, a: number, b: number, onMove?: (f: Flight) => void): void {
    switch (kind) {
      case TRACE.ARRIVE:
        this.arrived++;
        this.inside++;
        break;
      case TRACE.MOVE:
        if (this.kinds[a] === 'step') this.busy[a]!--;
        else if (this.kinds[a] === 'delay') this.inDelay[a]!--;
        onMove?.({ from: a, to: b, cls });
        break;
      case TRACE.QUEUE:
        this.wait(a, cls, 1);
        break;
      case TRACE.START:
        this.busy[a]!++;
        break;
      case TRACE.START_FROM_QUEUE:
        this.wait(a, cls, -1);
        this.busy[a]!++;
        break;
      case TRACE.DELAY:
        this.inDelay[a]!++;
        break;
      case TRACE.ABANDON:
        this.wait(a, cls, -1);
        this.gaveUp++;
        this.inside--;
        break;
      case TRACE.TURNED_AWAY:
        this.turnedAway++;
        this.inside--;
        break;
      case TRACE.EXIT:
        this.served++;
        this.inside--;
        break;
      case TRACE.HANDED_OVER:
        this.busy[a]!--;
        this.wait(a, cls, 1);
        break;
      case TRACE.SPLIT:
        this.holders++;
        this.parts += b;
        break;
      case TRACE.PART_DONE:
        this.parts--;
        break;
      case TRACE.JOIN_WAIT:
        this.atJoin[a]!++;
        break;
      case TRACE.JOINED:
        if (b > 0) this.atJoin[a]! -= b;
        this.parts -= b;
        this.holders--;
        break;
    }
  }
}
