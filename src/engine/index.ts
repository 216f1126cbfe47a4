// The engine's public API.
export * from './types';
export * from './rng';
export * from './distributions';
export * from './stats';
export * from './analytic';
export * from './simulate';
export * from './aggregate';
export * from './bottleneck';
export * from './compare';
export * from './results';
export * from './experiment';
export * from './format';
