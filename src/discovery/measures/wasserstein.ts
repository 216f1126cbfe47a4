// The 1-dimensional Wasserstein distance (earth mover's distance between two samples of equal
// weight per observation), computed as SciPy's `wasserstein_distance` does: the area between the
// two empirical cumulative distributions, summed over the gaps between consecutive values of the
// pooled, sorted sample. The sum follows NumPy's pairwise summation so that the results agree with
// the Python package log-distance-measures to the last bit (its tests compare with `==`).

/** Sum of `a[0..n)` in NumPy's pairwise order (blocks of 8 partial sums, halves above 128). */
export function pairwiseSum(a: Float64Array, start = 0, n = a.length): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[start + i]!;
    return s;
  }
  if (n <= 128) {
    const r = [a[start]!, a[start + 1]!, a[start + 2]!, a[start + 3]!, a[start + 4]!, a[start + 5]!, a[start + 6]!, a[start + 7]!];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k]! += a[start + i + k]!;
    }
    let s = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) s += a[start + i]!;
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/**
 * Wasserstein distance between the samples `u` and `v` (each observation of weight 1/size).
 * 0 when both are empty; when only one is empty there is nothing to compare and the result is 0
 * too (callers decide how to treat that case). The inputs are not modified.
 */
export function wasserstein(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) return 0;
  const us = Float64Array.from(u).sort();
  const vs = Float64Array.from(v).sort();
  // The pooled sample in order: a merge of the two sorted ones.
  const all = new Float64Array(n + m);
  for (let i = 0, j = 0, k = 0; k < n + m; k++) all[k] = j >= m || (i < n && us[i]! <= vs[j]!) ? us[i++]! : vs[j++]!;
  const terms = new Float64Array(n + m - 1);
  // Walk both sorted samples alongside the pooled one instead of binary searches per value.
  let iu = 0;
  let iv = 0;
  for (let k = 0; k < n + m - 1; k++) {
    const x = all[k]!;
    while (iu < n && us[iu]! <= x) iu++;
    while (iv < m && vs[iv]! <= x) iv++;
    terms[k] = Math.abs(iu / n - iv / m) * (all[k + 1]! - x);
  }
  return pairwiseSum(terms);
}
