// Typed arrays that grow as a log is read (doubling), trimmed to their length at the end: a
// 1,000,000-event log is held in a few flat buffers instead of a million objects.

type TypedCtor<T> = { new (n: number): T };

class Growable<T extends Int32Array | Float64Array> {
  private data: T;
  length = 0;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  set(i: number, v: number): void {
    while (i >= this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
    if (i >= this.length) this.length = i + 1;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** A copy holding exactly the values pushed. */
  trim(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor(capacity?: number) {
    super(Int32Array, capacity);
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor(capacity?: number) {
    super(Float64Array, capacity);
  }
}
