export * from './bus-name.js';
export * from './topics.js';
export * from './symbol.js';
export * from './payloads.js';
export * from './envelope.js';
export * from './stream-codec.js';
export * from './control.js';
export * from './sse-routes.js';
