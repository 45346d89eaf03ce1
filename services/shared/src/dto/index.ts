export * from './auth.schema.js';
export * from './candle-history.schema.js';
