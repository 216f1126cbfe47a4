import { interpolateRgb } from 'd3';

/** Utilisation → a calm green through amber to red, for nodes and the legend. */
export function utilizationColor(u: number): string {
  const x = Math.max(0, Math.min(1, u));
  if (x < 0.7) return interpolateRgb('#d9f0d3', '#fbe7a1')(x / 0.7);
  return interpolateRgb('#fbe7a1', '#f4a6a0')((x - 0.7) / 0.3);
}
