export * from './error-body.js';
export * from './health.js';
export * from './request-id.js';
export * from './security-headers.js';
export * from './express-kit.js';
export * from './listen.js';
