export * from './api-key-token.js';
export * from './api-key-scope.js';
export * from './api-key.repository.js';
export * from './api-key-rate-limit.js';
