import { describe, expect, it } from 'vitest';
import { componentSchema, type PublicTruth } from '../truth/index.js';
import type { HealthReport } from './ops-records.js';
import { resolveResetTarget } from './reset-target.js';

const component = (id: string, pm2: string) => componentSchema.parse({ id, meta: { name: id, description: id, kind: 'service', version: '1.0.0', pm2 }, heartbeat: { intervalMs: 1000, ttlSec: 5 } });
const truth = { components: { sse: component('sse', 'fotw-sse'), journal: component('journal', 'fotw-journal'), 'redis-intel': componentSchema.parse({ id: 'redis-intel', meta: { name: 'r', description: 'r', kind: 'redis', version: '1.0.0' }, bus: 'intel', listen: { port: 6381, env: 'MS_R' } }) } } as unknown as PublicTruth;
const processes = [
  { name: 'fotw-sse', pid: 1 },
  { name: 'fotw-sse-2', pid: 2 },
];
const report = { services: [{ id: 'sse-3' }] } as unknown as HealthReport;

describe(resolveResetTarget.name, () => {
  describe('with pm2 listing its processes (the CLI)', () => {
    it("takes a process's id, including a second instance and one pm2 does not run now", () => {
      expect(resolveResetTarget('sse-2', { truth, processes, report: null })).toEqual({ ok: true, id: 'sse-2' });
      expect(resolveResetTarget('journal', { truth, processes, report: null })).toEqual({ ok: true, id: 'journal' });
    });

    it('takes an id only the watch report names', () => {
      expect(resolveResetTarget('sse-3', { truth, processes, report })).toEqual({ ok: true, id: 'sse-3' });
    });

    it("turns a pm2 name into the process's id", () => {
      expect(resolveResetTarget('fotw-sse-2', { truth, processes, report: null })).toEqual({ ok: true, id: 'sse-2' });
    });

    it('refuses a name it does not know, or a component pm2 never runs, listing the ids it knows', () => {
      expect(resolveResetTarget('jornal', { truth, processes, report })).toEqual({ ok: false, error: 'unknown service "jornal": the watch keeps recovery state for journal, sse, sse-2, sse-3' });
      expect(resolveResetTarget('redis-intel', { truth, processes, report: null })).toMatchObject({ ok: false });
    });
  });

  describe('without a pm2 process list (the gateway)', () => {
    it('takes every component pm2 runs, by id or pm2 name', () => {
      expect(resolveResetTarget('journal', { truth, report: null })).toEqual({ ok: true, id: 'journal' });
      expect(resolveResetTarget('fotw-journal', { truth, report: null })).toEqual({ ok: true, id: 'journal' });
    });

    it('takes an instance the report or the recovery state names, by id or pm2 name', () => {
      expect(resolveResetTarget('sse-3', { truth, report })).toEqual({ ok: true, id: 'sse-3' });
      expect(resolveResetTarget('fotw-sse-3', { truth, report })).toEqual({ ok: true, id: 'sse-3' });
      expect(resolveResetTarget('sse-2', { truth, report: null, recoveryIds: ['sse-2'] })).toEqual({ ok: true, id: 'sse-2' });
      expect(resolveResetTarget('fotw-sse-2', { truth, report: null, recoveryIds: ['sse-2'] })).toEqual({ ok: true, id: 'sse-2' });
    });

    it('refuses an instance nothing names, listing the ids it knows', () => {
      expect(resolveResetTarget('fotw-sse-2', { truth, report: null })).toEqual({ ok: false, error: 'unknown service "fotw-sse-2": the watch keeps recovery state for journal, sse' });
      expect(resolveResetTarget('sse-4', { truth, report, recoveryIds: ['sse-2'] })).toEqual({ ok: false, error: 'unknown service "sse-4": the watch keeps recovery state for journal, sse, sse-2, sse-3' });
    });
  });
});
