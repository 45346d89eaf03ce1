export * from './chain.js';
export * from './gex.js';
export * from './heatmap.js';
export * from './risk-graph.js';
export * from './tile-legs.js';
export * from './market-mode.js';
export * from './saved-position-legs.js';
