/** The alert engine's lease time to live for tests: a standby waits this long before it takes over a dead leader. */
export const ALERTS_LEASE_ENV = 'MS_COPILOT_ALERTS_LEASE_MS';

/** A whole number of milliseconds, at least 1 s; anything else leaves the default (EngineLease's 10 s). */
export function leaseTtlOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const ms = Number(value);
  return ms >= 1_000 ? ms : undefined;
}
