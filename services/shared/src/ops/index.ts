export * from './ops-records.js';
export * from './with-timeout.js';
export * from './redis-memory.js';
export * from './recovery-log.js';
export * from './health-report-store.js';
export * from './gateway-presences.js';
export * from './stream-lag.js';
export * from './process-instances.js';
