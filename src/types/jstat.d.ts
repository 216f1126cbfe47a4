// jstat ships no types; only what the project uses is declared.
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    gammafn(x: number): number;
    gammaln(x: number): number;
    erf(x: number): number;
  };
}
