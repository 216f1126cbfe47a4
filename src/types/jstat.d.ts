// jstat ships no types; only what the project uses is declared.
// Use the default import (`import jStat from 'jstat'`): it works under Node (tsx, vitest) and Vite.
declare module 'jstat' {
  interface JStat {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    gammafn(x: number): number;
    gammaln(x: number): number;
    erf(x: number): number;
  }
  const jStat: JStat;
  export default jStat;
}
