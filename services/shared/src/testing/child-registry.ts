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
    process.once('exit', () => {
      for (const c of children) c.kill('SIGKILL');
    });
  }
}
