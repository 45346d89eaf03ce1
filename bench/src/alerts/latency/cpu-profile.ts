/**
 * A CPU profile of a service the bench starts (Node 20 refuses `--cpu-prof` in NODE_OPTIONS):
 * `NODE_OPTIONS=--import <this file>` with `BENCH_CPU_PROFILE_DIR` set starts the V8 profiler at
 * load and writes `<service>-<pid>.cpuprofile` there (open it in Chrome DevTools or VS Code) when the process exits (the bench stops its
 * services with SIGTERM, and they exit through their shutdown). bench-stack sets both from
 * BENCH_ALERTS_PROFILE_DIR.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env['BENCH_CPU_PROFILE_DIR'];
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  // The main thread's session answers synchronously, so the profile is written before the exit completes.
  process.once('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      // services/<name>/dist/main.js → <name>
      const name = path.basename(path.dirname(path.dirname(process.argv[1] ?? 'service/x')));
      writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
