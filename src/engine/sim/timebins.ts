// Time integrals split into timeline bins.

/**
 * Splits a running time integral (the area under a queue length or a count of customers) into
 * equal bins of time from `start`, the last bin open-ended. Bins are closed only when time passes
 * a boundary, so the cost per event is one comparison.
 */
export class TimeBins {
  private readonly bins: Float64Array;
  private b = 0;
  private areaAtBinStart = 0;
  /** The end of the current bin (Infinity in the last). */
  nextBoundary: number;
  constructor(
    private readonly start: number,
    private readonly width: number,
    count: number,
  ) {
    this.bins = new Float64Array(count);
    this.nextBoundary = count > 1 ? start + width : Infinity;
  }
  /** Closes the bins that end inside (from, to], before value·(to − from) is added to `area`. */
  cross(area: number, from: number, to: number, value: number): void {
    while (to > this.nextBoundary) {
      const at = area + value * (this.nextBoundary - from);
      this.bins[this.b] = at - this.areaAtBinStart;
      this.areaAtBinStart = at;
      this.b++;
      this.nextBoundary = this.b >= this.bins.length - 1 ? Infinity : this.start + (this.b + 1) * this.width;
    }
  }
  /** The area in each bin, given the final total area. */
  finish(area: number): Float64Array {
    this.bins[this.b] = area - this.areaAtBinStart;
    return this.bins;
  }
}
