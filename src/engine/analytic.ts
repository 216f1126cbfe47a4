// Queueing-theory formulas: the yardsticks for the engine's theory tests and the editor's
// "figures while drawing". Rates are per time unit; a = λ/μ is the offered load in staff.

/** Erlang B blocking probability, by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arriving customer waits in M/M/c (requires a < c). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

export interface MmcFigures {
  rho: number;
  pWait: number;
  meanWait: number;
  meanQueue: number;
  meanSojourn: number;
  /** P(Wq > t) = C·e^{−(cμ−λ)t}. */
  pWaitExceeds(t: number): number;
}

/** M/M/c (c = 1 gives M/M/1). Unstable systems (ρ ≥ 1) give infinite waits. */
export function mmc(lambda: number, mu: number, c: number): MmcFigures {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) {
    return { rho, pWait: 1, meanWait: Infinity, meanQueue: Infinity, meanSojourn: Infinity, pWaitExceeds: () => 1 };
  }
  const C = erlangC(c, a);
  const meanWait = C / (c * mu - lambda);
  return {
    rho,
    pWait: C,
    meanWait,
    meanQueue: lambda * meanWait,
    meanSojourn: meanWait + 1 / mu,
    pWaitExceeds: (t: number) => C * Math.exp(-(c * mu - lambda) * t),
  };
}

/** M/G/1 by Pollaczek–Khinchine: Wq = λ·E[S²] / (2(1 − ρ)). */
export function mg1PollaczekKhinchine(lambda: number, meanService: number, varService: number) {
  const rho = lambda * meanService;
  const second = varService + meanService * meanService;
  const meanWait = rho >= 1 ? Infinity : (lambda * second) / (2 * (1 - rho));
  return { rho, meanWait, meanQueue: lambda * meanWait };
}

/** Stationary probabilities of a birth–death chain with birth rate λ and death rates death(n), n ≤ nMax. */
function birthDeath(lambda: number, death: (n: number) => number, nMax: number): Float64Array {
  const p = new Float64Array(nMax + 1);
  p[0] = 1;
  let total = 1;
  for (let n = 1; n <= nMax; n++) {
    p[n] = (p[n - 1]! * lambda) / death(n);
    total += p[n]!;
    if (p[n]! < 1e-300) break;
  }
  for (let n = 0; n <= nMax; n++) p[n]! /= total;
  return p;
}

/**
 * Erlang-A (M/M/c+M): exponential patience with rate θ (mean 1/θ). From the birth–death chain
 * with death rate min(n, c)·μ + max(n − c, 0)·θ. P(abandon) = θ·E[Lq]/λ.
 */
export function erlangA(lambda: number, mu: number, c: number, theta: number) {
  // Far enough into the tail to hold nearly all the probability, and never an array beyond memory.
  const nMax = c + Math.min(1_000_000, Math.max(1000, Math.ceil((20 * lambda) / theta)));
  const p = birthDeath(lambda, (n) => Math.min(n, c) * mu + Math.max(n - c, 0) * theta, nMax);
  let lq = 0;
  let pWait = 0;
  for (let n = c; n <= nMax; n++) {
    lq += (n - c) * p[n]!;
    pWait += p[n]!;
  }
  return { pAbandon: (theta * lq) / lambda, meanQueue: lq, meanWait: lq / lambda, pWait };
}

/** M/M/c/K with K places in all (c in service, K − c waiting). */
export function mmcK(lambda: number, mu: number, c: number, K: number) {
  const p = birthDeath(lambda, (n) => Math.min(n, c) * mu, K);
  let lq = 0;
  for (let n = c; n <= K; n++) lq += (n - c) * p[n]!;
  const pBlock = p[K]!;
  const throughput = lambda * (1 - pBlock);
  return { pBlock, meanQueue: lq, meanWait: lq / throughput, throughput };
}

/**
 * Non-preemptive priority M/G/1 (Cobham 1954), class 0 served first:
 * W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i·E[S_i²]/2, σ_k = Σ_{i≤k} ρ_i.
 */
export function cobhamNonPreemptive(lambdas: number[], meanServices: number[], secondMoments: number[]): number[] {
  const w0 = lambdas.reduce((s, l, i) => s + (l * secondMoments[i]!) / 2, 0);
  const waits: number[] = [];
  let sigma = 0;
  lambdas.forEach((l, k) => {
    const before = sigma;
    sigma += l * meanServices[k]!;
    waits.push(sigma >= 1 ? Infinity : w0 / ((1 - before) * (1 - sigma)));
  });
  return waits;
}

/**
 * Non-preemptive priority M/M/c with a common service rate μ:
 * W_k = (C(c, a) / (cμ)) / ((1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i≤k} λ_i / (cμ).
 */
export function cobhamMMc(lambdas: number[], mu: number, c: number): number[] {
  const total = lambdas.reduce((s, l) => s + l, 0);
  const C = erlangC(c, total / mu);
  const waits: number[] = [];
  let sigma = 0;
  for (const l of lambdas) {
    const before = sigma;
    sigma += l / (c * mu);
    waits.push(sigma >= 1 ? Infinity : C / (c * mu) / ((1 - before) * (1 - sigma)));
  }
  return waits;
}

/**
 * Allen–Cunneen approximation of the mean wait in G/G/c:
 * Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2.
 */
export function allenCunneen(lambda: number, meanService: number, scvArrival: number, scvService: number, c: number): number {
  return mmc(lambda, 1 / meanService, c).meanWait * ((scvArrival + scvService) / 2);
}
