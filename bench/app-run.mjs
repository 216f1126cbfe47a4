// Run all in the built app, timed, with builds alternated (docs/performance.md):
//   node bench/app-run.mjs http://127.0.0.1:4456/ http://127.0.0.1:4457/ [rounds=4]
// Each round, for each URL in turn: a fresh page, a pause of PAUSE ms (4000) while the workers warm
// up, Run all (first run), a second after 1 s. Reports click → final results (the results panel in
// state "final" with the run button back) and the processor time of each renderer thread, read from
// /proc (so: Linux), and the median per URL and per first/second run.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 4;
const urls = args.length ? args : ['http://127.0.0.1:4173/'];
const pause = Number(process.env.PAUSE ?? 4000);
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Processor ms of every thread of the browser's processes, by pid/tid. */
function threads() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    let comm;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'chromium') continue;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { name, ms: (Number(f[11]) + Number(f[12])) * 10 });
      } catch {}
    }
  }
  return out;
}

async function once(page) {
  await page.evaluate(() => {
    window.__t = {};
    document.querySelector('[data-testid=run]').addEventListener('click', () => (window.__t.t0 = performance.now()), { capture: true, once: true });
  });
  const a = threads();
  await page.getByTestId('run').click();
  await page.waitForFunction(
    () => {
      const res = document.querySelector('[data-testid=results]');
      const done = res?.getAttribute('data-state') === 'final' && !document.querySelector('[data-testid=cancel-run]') && !!res.querySelector('[data-testid=figures-baseline]');
      if (done) window.__t.final ??= performance.now() - window.__t.t0;
      return done;
    },
    null,
    { polling: 'raf' },
  );
  const b = threads();
  const byName = {};
  for (const [k, v] of b) {
    const d = v.ms - (a.get(k)?.ms ?? 0);
    if (d > 0) byName[v.name] = (byName[v.name] ?? 0) + d;
  }
  return { finalMs: Math.round(await page.evaluate(() => window.__t.final)), cpuMs: byName };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: flags });
const all = urls.map(() => ({ first: [], second: [] }));
for (let r = 0; r < rounds; r++) {
  for (let u = 0; u < urls.length; u++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(urls[u]);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId('project-title').waitFor();
    await page.waitForTimeout(pause);
    const first = await once(page);
    await page.waitForTimeout(1000);
    const second = await once(page);
    all[u].first.push(first);
    all[u].second.push(second);
    console.log(`round ${r} ${urls[u]}: first ${first.finalMs} ms (workers ${first.cpuMs.DedicatedWorker ?? 0} ms, browser main threads ${first.cpuMs.chromium ?? 0} ms of processor), second ${second.finalMs} ms`);
    await page.close();
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let u = 0; u < urls.length; u++) {
  console.log(`${urls[u]}: click → final results, median of ${rounds}: first run ${median(all[u].first.map((x) => x.finalMs))} ms, second run ${median(all[u].second.map((x) => x.finalMs))} ms`);
}
if (urls.length === 2) {
  const ratio = (k) => median(all[1][k].map((x, i) => x.finalMs / all[0][k][i].finalMs)).toFixed(2);
  console.log(`second ÷ first URL, median of the per-round ratios: first run ${ratio('first')}, second run ${ratio('second')}`);
}
