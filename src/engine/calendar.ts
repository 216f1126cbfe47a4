// The event calendar: a binary heap of events ordered by (time, sequence). The sequence number
// makes events at the same time come out in the order they were scheduled, so runs repeat
// exactly (as SimPy's core does). An event is four integers of payload in preallocated typed
// arrays indexed by slot; the heap keeps each event's time, sequence number and slot side by side
// (comparisons never go through the slot), so nothing is allocated per event once warmed up.
// It fails loudly: scheduling at NaN or in the past throws.

export class Calendar {
  // Payload by slot.
  private kindOf: Int32Array;
  private aOf: Int32Array;
  private bOf: Int32Array;
  private cOf: Int32Array;
  // The heap: position i holds an event's time, sequence number and slot, so that comparisons
  // read the heap arrays directly (no indirection through the slot).
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private free: Int32Array;
  private freeTop = 0;
  private size = 0;
  private nextSeq = 0;
  /** The time of the last event taken out. */
  now = 0;
  // The payload of the last event taken out.
  kind = 0;
  a = 0;
  b = 0;
  c = 0;

  constructor(capacity = 1024) {
    this.kindOf = new Int32Array(capacity);
    this.aOf = new Int32Array(capacity);
    this.bOf = new Int32Array(capacity);
    this.cOf = new Int32Array(capacity);
    this.hTime = new Float64Array(capacity);
    this.hSeq = new Float64Array(capacity);
    this.hSlot = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  get length(): number {
    return this.size;
  }

  /** Schedules an event of `kind` with payload (a, b, c) at absolute time t ≥ now. */
  schedule(t: number, kind: number, a: number, b: number, c: number): void {
    if (!(t >= this.now)) {
      throw new Error(Number.isNaN(t) ? 'an event was scheduled at time NaN' : `an event was scheduled in the past (${t} < ${this.now})`);
    }
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    this.kindOf[slot] = kind;
    this.aOf[slot] = a;
    this.bOf[slot] = b;
    this.cOf[slot] = c;
    const seq = this.nextSeq++;
    // Sift up: the new event has the largest sequence number, so it passes a parent only when
    // strictly earlier.
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(t < hTime[parent]!)) break;
      hTime[i] = hTime[parent]!;
      hSeq[i] = hSeq[parent]!;
      hSlot[i] = hSlot[parent]!;
      i = parent;
    }
    hTime[i] = t;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  /** Takes out the earliest event into (now, kind, a, b, c). Returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const top = hSlot[0]!;
    this.now = hTime[0]!;
    this.kind = this.kindOf[top]!;
    this.a = this.aOf[top]!;
    this.b = this.bOf[top]!;
    this.c = this.cOf[top]!;
    this.free[this.freeTop++] = top;
    const n = --this.size;
    if (n > 0) {
      // Sift the last event down from the root.
      const t = hTime[n]!;
      const q = hSeq[n]!;
      const slot = hSlot[n]!;
      let i = 0;
      for (;;) {
        let l = 2 * i + 1;
        if (l >= n) break;
        let lt = hTime[l]!;
        const r = l + 1;
        if (r < n) {
          const rt = hTime[r]!;
          if (rt < lt || (rt === lt && hSeq[r]! < hSeq[l]!)) {
            l = r;
            lt = rt;
          }
        }
        if (lt < t || (lt === t && hSeq[l]! < q)) {
          hTime[i] = lt;
          hSeq[i] = hSeq[l]!;
          hSlot[i] = hSlot[l]!;
          i = l;
        } else break;
      }
      hTime[i] = t;
      hSeq[i] = q;
      hSlot[i] = slot;
    }
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.hTime[0]!;
  }

  private grow(): void {
    const old = this.hTime.length;
    const cap = old * 2;
    const extend = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.kindOf = extend(this.kindOf);
    this.aOf = extend(this.aOf);
    this.bOf = extend(this.bOf);
    this.cOf = extend(this.cOf);
    this.hTime = extend(this.hTime);
    this.hSeq = extend(this.hSeq);
    this.hSlot = extend(this.hSlot);
    this.free = extend(this.free);
    for (let i = old; i < cap; i++) this.free[this.freeTop++] = i;
  }
}
