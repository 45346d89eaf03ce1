/**
 * `npm run bench:producer`: how large a market the model builder sustains on one core.
 * For each (symbols × strikes) size it times full model cycles — chain pricing, GEX, heatmap
 * tiles, mode, bias, selector — against the pricing-only baseline in the same run, and reports CPU
 * per cycle, the share of one core the configured model interval would use, and the largest
 * number of strikes per symbol that fits the interval.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOptionChain, CHAIN_LAYOUTS } from '@marketswarm/massive/chain';
import { buildSymbolModels } from '@marketswarm/massive/models';

const MODEL_INTERVAL_MS = 5000;
const NOW = Date.UTC(2026, 10, 20, 15, 0);
const quick = process.argv.includes('--quick');
const sizes = quick ? [[1, 30], [3, 30]] : [[1, 30], [3, 30], [3, 60], [6, 60], [6, 120]];
const cycles = quick ? 5 : 20;

interface Row {
  symbols: number;
  strikesPerSymbol: number;
  options: number;
  cpuMsPerCycle: number;
  pricingOnlyCpuMsPerCycle: number;
  ratioToPricing: number;
  coreShareAtInterval: number;
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const layout = CHAIN_LAYOUTS['SPX']!;
const prices = Array.from({ length: 600 }, (_, i) => 5000 + 10 * Math.sin(i / 20));
const rows: Row[] = [];
for (const [symbols, strikes] of sizes as [number, number][]) {
  const sized = { ...layout, strikesEachSide: Math.floor(strikes / 2) };
  const cycle = (full: boolean) => {
    for (let s = 0; s < symbols; s++) {
      const spot = 5000 + s * 3;
      const chain = buildOptionChain(spot, NOW, sized, 0.15);
      if (full) buildSymbolModels('SPX', spot, chain, prices, NOW, [10, 20]);
    }
  };
  cycle(true); // warm up the JIT
  const full = cpuMs(() => Array.from({ length: cycles }, () => cycle(true))) / cycles;
  const pricing = cpuMs(() => Array.from({ length: cycles }, () => cycle(false))) / cycles;
  rows.push({
    symbols,
    strikesPerSymbol: sized.strikesEachSide * 2 + 1,
    options: symbols * (sized.strikesEachSide * 2 + 1) * sized.expiries * 2,
    cpuMsPerCycle: round(full),
    pricingOnlyCpuMsPerCycle: round(pricing),
    ratioToPricing: round(full / pricing),
    coreShareAtInterval: round(full / MODEL_INTERVAL_MS),
  });
}

const header = ['symbols', 'strikes/symbol', 'options', 'CPU ms/cycle', 'pricing-only ms', 'ours/pricing', `core share @${MODEL_INTERVAL_MS} ms`];
const table = [header, ...rows.map((r) => [r.symbols, r.strikesPerSymbol, r.options, r.cpuMsPerCycle, r.pricingOnlyCpuMsPerCycle, r.ratioToPricing, `${(r.coreShareAtInterval * 100).toFixed(1)} %`].map(String))];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table) console.log(row.map((c, i) => c.padStart(widths[i]!)).join('  '));
const last = rows.at(-1)!;
const perOption = last.cpuMsPerCycle / last.options;
console.log(`\none core sustains about ${Math.floor(MODEL_INTERVAL_MS / perOption).toLocaleString()} options per ${MODEL_INTERVAL_MS} ms model cycle (${perOption.toFixed(4)} CPU-ms per option)`);
console.log('caveat: one noisy 2-core machine; compare against the pricing-only column measured in the same run');

const results = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');
mkdirSync(results, { recursive: true });
const file = path.join(results, `producer-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ meta: { node: process.version, modelIntervalMs: MODEL_INTERVAL_MS, cycles }, rows }, null, 2)}\n`);
console.log(`JSON: ${path.relative(process.cwd(), file)}`);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
