import { machineBusySeconds } from './proc-stats.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Other sessions share this machine. Before a measurement, wait (up to `maxSec`) for a second in
 * which the whole machine is nearly idle — our own processes are idle at that point — so a burst
 * of someone else's work does not land in the window.
 */
export async function waitForQuiet(maxSec: number, thresholdCores: number, log: (line: string) => void): Promise<{ waitedSec: number; busyCores: number }> {
  const started = performance.now();
  for (;;) {
    const m0 = machineBusySeconds();
    const t0 = performance.now();
    await sleep(1000);
    const busyCores = (machineBusySeconds() - m0) / ((performance.now() - t0) / 1000);
    const waitedSec = (performance.now() - started) / 1000;
    if (busyCores < thresholdCores || waitedSec >= maxSec) return { waitedSec, busyCores };
    log(`  machine busy (${busyCores.toFixed(2)} cores used by others), waiting for a quieter second…`);
  }
}
