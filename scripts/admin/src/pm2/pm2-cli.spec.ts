import { describe, expect, it } from 'vitest';
import { parseJlist } from './pm2-cli.js';

const row = { name: 'fotw-sse', pid: 42, pm2_env: { status: 'online', restart_time: 1, pm_uptime: 1000 }, monit: { memory: 5, cpu: 1 } };

describe(parseJlist.name, () => {
  it('reads the JSON after the banner pm2 prints when the call starts its daemon', () => {
    const out = `[PM2] Spawning PM2 daemon with pm2_home=/tmp/x\n[PM2] PM2 Successfully daemonized\n${JSON.stringify([row])}\n`;
    expect(parseJlist(out, 3000)).toEqual([{ name: 'fotw-sse', pid: 42, status: 'online', restarts: 1, uptimeMs: 2000, memoryBytes: 5 }]);
  });

  it('reads an empty list, with or without a banner', () => {
    expect(parseJlist('[]')).toEqual([]);
    expect(parseJlist('[PM2] Spawning PM2 daemon\n[]\n')).toEqual([]);
  });
});
