import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  files: string[];
  totalMs: number;
  /** Self time by function (name, file:line). */
  functions: ProfileEntry[];
  /** Self time by where the code lives: a package, node internals, our services, GC, idle. */
  areas: ProfileEntry[];
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  const service = /\/services\/([^/]+)\//.exec(url);
  if (service) return `services/${service[1]}`;
  return path.basename(url);
}

/** Sums self time over every profile in `dir` (both gateways) and ranks functions and areas. */
export async function summariseProfiles(dir: string, top = 20): Promise<ProfileSummary> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!node || ms <= 0) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|services)\//, '$1/')}:${lineNumber + 1}` : '';
      const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      const area = areaOf(url, functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + ms);
      totalMs += ms;
    });
  }
  const rank = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs), share: totalMs ? selfMs / totalMs : 0 }));
  return { files, totalMs: Math.round(totalMs), functions: rank(byFunction), areas: rank(byArea) };
}

export function renderProfile(summary: ProfileSummary): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)} %`;
  const busy = summary.functions.filter((f) => f.name !== '(idle)');
  return [
    `CPU profile of the gateways (${summary.files.length} files, ${(summary.totalMs / 1000).toFixed(1)} s sampled, whole process lifetime):`,
    '  by area (self time):',
    ...summary.areas.slice(0, 12).map((a) => `    ${pct(a.share)}  ${a.name}`),
    '  top functions (self time):',
    ...busy.slice(0, 20).map((f) => `    ${pct(f.share)}  ${f.name}`),
  ].join('\n');
}
