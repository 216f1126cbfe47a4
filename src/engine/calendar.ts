// The event calendar: a binary heap of events ordered by (time, sequence). The sequence number
// makes events at the same time come out in the order they were scheduled, so runs repeat
// exactly (as SimPy's core does). An event is four integers of payload in preallocated typed
// arrays; the heap holds slot indices, so nothing is allocated per event once warmed up.
// It fails loudly: scheduling at NaN or in the past throws.

export class Calendar {
  private time: Float64Array;
  private seq: Float64Array;
  private kindOf: Int32Array;
  private aOf: Int32Array;
  private bOf: Int32Array;
  private cOf: Int32Array;
  private heap: Int32Array;
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
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kindOf = new Int32Array(capacity);
    this.aOf = new Int32Array(capacity);
    this.bOf = new Int32Array(capacity);
    this.cOf = new Int32Array(capacity);
    this.heap = new Int32Array(capacity);
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
    this.time[slot] = t;
    this.seq[slot] = this.nextSeq++;
    this.kindOf[slot] = kind;
    this.aOf[slot] = a;
    this.bOf[slot] = b;
    this.cOf[slot] = c;
    // Sift up.
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (this.before(slot, p)) {
        heap[i] = p;
        i = parent;
      } else break;
    }
    heap[i] = slot;
  }

  /** Takes out the earliest event into (now, kind, a, b, c). Returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const heap = this.heap;
    const top = heap[0]!;
    this.now = this.time[top]!;
    this.kind = this.kindOf[top]!;
    this.a = this.aOf[top]!;
    this.b = this.bOf[top]!;
    this.c = this.cOf[top]!;
    this.free[this.freeTop++] = top;
    const last = heap[--this.size]!;
    if (this.size > 0) {
      // Sift down.
      let i = 0;
      const n = this.size;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let child = l;
        let cs = heap[l]!;
        if (r < n) {
          const rs = heap[r]!;
          if (this.before(rs, cs)) {
            child = r;
            cs = rs;
          }
        }
        if (this.before(cs, last)) {
          heap[i] = cs;
          i = child;
        } else break;
      }
      heap[i] = last;
    }
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[this.heap[0]!]!;
  }

  private before(x: number, y: number): boolean {
    const tx = this.time[x]!;
    const ty = this.time[y]!;
    return tx < ty || (tx === ty && this.seq[x]! < this.seq[y]!);
  }

  private grow(): void {
    const old = this.time.length;
    const cap = old * 2;
    const extend = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.time = extend(this.time);
    this.seq = extend(this.seq);
    this.kindOf = extend(this.kindOf);
    this.aOf = extend(this.aOf);
    this.bOf = extend(this.bOf);
    this.cOf = extend(this.cOf);
    this.heap = extend(this.heap);
    this.free = extend(this.free);
    for (let i = old; i < cap; i++) this.free[this.freeTop++] = i;
  }
}
