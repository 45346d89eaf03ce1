export * from './auth.schema.js';
export * from './candle-history.schema.js';
export * from './journal-execution.schema.js';
