export * from './boot-service.js';
export * from './wait-for-truth.js';
export * from './package-version.js';
export * from './ops-app.js';
export * from './running-settings.js';
