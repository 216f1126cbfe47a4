// Dependencies point one way: model → engine → discovery → worker → ui (and cli beside ui). A file
// may import from its own layer and the layers before it, never after. Checked on the import
// statements of every source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');
/** The layers each layer may use (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  engine: ['model'],
  discovery: ['model', 'engine'],
  worker: ['model', 'engine', 'discovery'],
  ui: ['model', 'engine', 'discovery', 'worker'],
  cli: ['model', 'engine', 'discovery'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function layerOf(file: string): string | undefined {
  const top = relative(SRC, file).split(/[\\/]/)[0]!;
  return top in ALLOWED ? top : undefined;
}

describe('architecture', () => {
  it('knows every layer under src/', () => {
    // src/types holds declarations for untyped libraries only.
    const tops = readdirSync(SRC).filter((n) => n !== 'types' && statSync(join(SRC, n)).isDirectory());
    for (const t of tops) expect(Object.keys(ALLOWED), `src/${t} is not a known layer`).toContain(t);
  });

  it('dependencies point one way', () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      if (!from) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]/g)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        const to = layerOf(resolve(dirname(file), spec));
        if (to && to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
