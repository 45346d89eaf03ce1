export * from './free-port.js';
export * from './repo-root.js';
export * from './redis-server.js';
export * from './postgres-server.js';
export * from './test-stack.js';
export * from './repo-truth.js';
export * from './service-process.js';
export * from './run-admin.js';
export * from './accounts.js';
export * from './stack-harness.js';
export * from './session-accounts.js';
// Not here: the vitest fixtures (useFreshSystemRedis, and describeNestServiceRoutes at
// `@marketswarm/shared/testing/nest`), which import vitest and NestJS; the benchmarks load this index without either.
export * from './redis-cluster.js';
