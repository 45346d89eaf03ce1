export * from './ops-records.js';
