// Exact order statistics (the values at given ranks of the sorted sample) of an unsorted sample,
// at a cost that fits the sample: a small sample is sorted (a copy); a large one is counted into
// buckets by the top bits of each value's IEEE-754 pattern — for non-negative doubles the bit
// pattern orders like the value — and only the buckets holding the ranks asked for are gathered
// and sorted. The bucket table spans only the sample's own range (smallest positive to largest
// value, zeros in a bucket of their own) and holds at most BUCKETS_MAX counters, so it stays in
// the processor's cache and is reused from call to call: no large table is allocated or cleared
// per call. The values returned are the very numbers a full sort would give.

/** Samples up to this size are sorted outright (cheaper than three passes). */
export const SORT_BELOW = 256;
/** Most counters in the bucket table (256 KiB of Int32). */
const BUCKETS_MAX = 1 << 16;

/** What one pass over a sample learns, for the selection: the range of high words, and the sum. */
export interface SampleScan {
  /** All values are finite and non-negative (no −0): the buckets apply. */
  bucketable: boolean;
  /** Smallest non-zero high word (0 when every value has a zero high word). */
  minHi: number;
  /** Largest high word. */
  maxHi: number;
  /** Sum of the values in order (the same sum as a plain loop). */
  sum: number;
}

/** High words of the values (little-endian: the second word of each double). */
function highWords(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** One pass: the sum of the values and the range of their bit patterns. */
export function scanSample(values: Float64Array): SampleScan {
  const n = values.length;
  const words = highWords(values);
  let sum = 0;
  let minM = 0x7fffffff; // smallest (high word − 1) over non-zero high words
  let maxHi = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    const hi = words[2 * i + 1]!;
    // Negative values, −0, infinities and NaN have a high word ≥ 0x7ff00000.
    bad |= hi >= 0x7ff00000 ? 1 : 0;
    if (hi > maxHi) maxHi = hi;
    // Branch-free: a zero high word gives m = −1, turned into 0x7fffffff (never the minimum).
    const m = (hi - 1) | 0;
    const candidate = m ^ ((m >> 31) & 0x80000000);
    if (candidate < minM) minM = candidate;
  }
  return { bucketable: bad === 0, minHi: maxHi === 0 ? 0 : minM + 1, maxHi, sum };
}

/**
 * The values at the given ranks (0-based, ascending, each < values.length) of the sorted
 * sample; `values` is left unchanged. `scan` may be passed when already computed.
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[], scan?: SampleScan): number[] {
  if (values.length <= SORT_BELOW) return bySorting(values, ranks);
  const s = scan ?? scanSample(values);
  return s.bucketable ? byBuckets(values, ranks, s) : bySorting(values, ranks);
}

function bySorting(values: Float64Array, ranks: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ranks.map((r) => sorted[r]!);
}

// Scratch tables, reused across calls (grown on demand, never past BUCKETS_MAX).
let counts = new Int32Array(1024);
let slots = new Int32Array(1024);

function byBuckets(values: Float64Array, ranks: readonly number[], scan: SampleScan): number[] {
  const n = values.length;
  const words = highWords(values);
  // The finest bucketing (fewest top bits dropped) whose table fits: bucket 0 holds the values
  // with a zero high word (zeros), buckets 1 … hold the rest by their top bits.
  const limit = Math.max(256, Math.min(BUCKETS_MAX, n));
  let shift = 0;
  while ((scan.maxHi >>> shift) - (scan.minHi >>> shift) + 2 > limit) shift++;
  const base = (scan.minHi >>> shift) - 1;
  const width = (scan.maxHi >>> shift) - base + 1;
  if (counts.length < width) {
    counts = new Int32Array(width);
    slots = new Int32Array(width);
  }
  const count = counts;
  count.fill(0, 0, width);
  for (let i = 0; i < n; i++) {
    const k = ((words[2 * i + 1]! >>> shift) - base) | 0;
    count[k & ~(k >> 31)]!++; // negative keys (zero high word) → bucket 0, without a branch
  }
  // Walk the buckets in order; a bucket holding a rank asked for gets a slot in the gather buffer.
  const slotOf = slots;
  slotOf.fill(0, 0, width);
  const slotFirstRank: number[] = [];
  const slotStart: number[] = [];
  let gathered = 0;
  let below = 0;
  let r = 0;
  for (let b = 0; b < width && r < ranks.length; b++) {
    const c = count[b]!;
    if (ranks[r]! < below + c) {
      slotOf[b] = slotStart.length + 1;
      slotFirstRank.push(below);
      slotStart.push(gathered);
      gathered += c;
      while (r < ranks.length && ranks[r]! < below + c) r++;
    }
    below += c;
  }
  const nSlots = slotStart.length;
  slotStart.push(gathered);
  const buffer = new Float64Array(gathered);
  const fill = Int32Array.from(slotStart);
  for (let i = 0; i < n; i++) {
    const k = ((words[2 * i + 1]! >>> shift) - base) | 0;
    const slot = slotOf[k & ~(k >> 31)]!;
    if (slot > 0) buffer[fill[slot - 1]!++] = values[i]!;
  }
  // Each slot is sorted when first needed (not at all when its values are all equal, as a
  // bucket of zeros often is); the ranks ascend, so the slots are visited in order.
  const out = new Array<number>(ranks.length);
  let slot = 0;
  let sortedUpTo = -1;
  for (let j = 0; j < ranks.length; j++) {
    const rank = ranks[j]!;
    while (slot + 1 < nSlots && slotFirstRank[slot + 1]! <= rank) slot++;
    const start = slotStart[slot]!;
    if (sortedUpTo < slot) {
      const end = slotStart[slot + 1]!;
      const first = buffer[start]!;
      let i = start + 1;
      while (i < end && buffer[i] === first) i++;
      if (i < end) buffer.subarray(start, end).sort();
      sortedUpTo = slot;
    }
    out[j] = buffer[start + rank - slotFirstRank[slot]!]!;
  }
  return out;
}
