/**
 * Fault injection for the restart spec, honoured only when `MS_COPILOT_ALERTS_CRASH` is set:
 * `after-hit` kills the process (SIGKILL, no clean-up) right after the journal accepted a hit and
 * before its event is published — the worst moment for exactly-once. Unset in every real deployment.
 */
export const ALERTS_CRASH_ENV = 'MS_COPILOT_ALERTS_CRASH';
export type CrashPoint = 'after-hit';

export function crashPointOf(value: string | undefined): CrashPoint | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'after-hit') return value;
  throw new Error(`${ALERTS_CRASH_ENV} must be "after-hit" or unset, got "${value}"`);
}

export function crashHere(point: CrashPoint | undefined, at: CrashPoint): void {
  if (point === at) process.kill(process.pid, 'SIGKILL');
}
