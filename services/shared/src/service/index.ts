export * from './boot-service.js';
export * from './wait-for-truth.js';
export * from './package-version.js';
