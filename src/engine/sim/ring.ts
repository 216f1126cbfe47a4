// A step's queue (one per priority level): a FIFO ring of (customer, generation) pairs. An entry
// whose generation no longer matches the customer's is stale (the customer gave up or was served)
// and is skipped when it reaches the head.

export class Ring {
  cust = new Int32Array(16);
  gen = new Int32Array(16);
  head = 0;
  count = 0;
  push(c: number, g: number): void {
    if (this.count === this.cust.length) this.grow();
    const i = (this.head + this.count) & (this.cust.length - 1);
    this.cust[i] = c;
    this.gen[i] = g;
    this.count++;
  }
  /** Puts (c, g) at the head: served next. */
  unshift(c: number, g: number): void {
    if (this.count === this.cust.length) this.grow();
    this.head = (this.head - 1) & (this.cust.length - 1);
    this.cust[this.head] = c;
    this.gen[this.head] = g;
    this.count++;
  }
  private grow(): void {
    const n = this.cust.length;
    const cust = new Int32Array(n * 2);
    const gen = new Int32Array(n * 2);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & (n - 1);
      cust[k] = this.cust[i]!;
      gen[k] = this.gen[i]!;
    }
    this.cust = cust;
    this.gen = gen;
    this.head = 0;
  }
}
