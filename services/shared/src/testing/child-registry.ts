import type { ChildProcess } from 'node:child_process';

// Every process a test starts is killed when the test process exits, also after a failure,
// so no redis-server or service outlives the run.
const children = new Set<ChildProcess>();
let hooked = false;

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (!hooked) {
    hooked = true;
    const killAll = () => {
      for (const c of children) c.kill('SIGKILL');
    };
    process.once('exit', killAll);
    // A test runner tearing its workers down signals them; 'exit' handlers do not run then.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        killAll();
        process.exit(1);
      });
    }
  }
}
