export * from './free-port.js';
export * from './repo-root.js';
export * from './redis-server.js';
export * from './test-stack.js';
export * from './service-process.js';
export * from './run-admin.js';
export * from './accounts.js';
export * from './stack-harness.js';
