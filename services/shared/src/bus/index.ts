export * from './redis-connection.js';
export * from './redis-bus.js';
export * from './publish-event.js';
export * from './read-snapshot.js';
export * from './seq-counter.js';
export * from './read-candles.js';
export * from './stream-bounds.js';
export * from './cluster-url.js';
