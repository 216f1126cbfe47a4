// The mean of a distribution as the user gave it (most kinds are given by their mean already).
// Pure model code: the engine's moments() gives the same number with the variance.
import type { Distribution } from './schema';

export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
    default:
      return d.mean;
  }
}
