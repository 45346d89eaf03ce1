export * from './heartbeat-record.js';
export * from './heartbeat-writer.js';
export * from './age.js';
export * from './heartbeat-reader.js';
