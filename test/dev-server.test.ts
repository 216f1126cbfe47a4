// The README's first command ends in `npm run dev`: the Vite dev server must start and serve
// the app and the simulation worker (a dependency it cannot resolve only shows up here).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run dev', () => {
  it('starts the dev server, which serves the app and the worker', async () => {
    const port = 5300 + Math.floor(Math.random() * 500);
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const deadline = Date.now() + 30_000;
      while (!/ready in/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(output).toMatch(/ready in/);
      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/src/ui/main.tsx');
      for (const path of ['/src/ui/main.tsx', '/src/worker/sim.worker.ts']) expect((await fetch(base + path)).status).toBe(200);
      // Give the dependency optimiser a moment: it reports unresolvable packages on its own.
      await new Promise((r) => setTimeout(r, 1500));
      expect(output).not.toMatch(/Error|not exported/);
    } finally {
      child.kill();
    }
  });
});
