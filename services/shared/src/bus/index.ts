export * from './redis-connection.js';
export * from './redis-bus.js';
export * from './publish-event.js';
