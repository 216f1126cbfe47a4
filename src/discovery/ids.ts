// Ids for discovered nodes, departments and pools: readable (from names), within the format's
// pattern and length, and unique.
export function idMaker(): (name: string) => string {
  const used = new Set<string>();
  return (name: string) => {
    const base = name.normalize('NFKD').replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'item';
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
}

/** Rounds a share to 4 decimals so that the shares of one node still add up to 1. */
export function roundShares(counts: number[]): number[] {
  const total = counts.reduce((s, x) => s + x, 0);
  const shares = counts.map((c) => Math.round((c / total) * 10000) / 10000);
  const diff = 1 - shares.reduce((s, x) => s + x, 0);
  const top = shares.indexOf(Math.max(...shares));
  shares[top] = Math.round((shares[top]! + diff) * 10000) / 10000;
  return shares;
}
