export * from './normal-cdf.js';
export * from './year-fraction.js';
export * from './black-scholes.js';
export * from './greeks.js';
export * from './implied-vol.js';
export * from './vol-skew.js';
export * from './market-constants.js';
export * from './option-ticks.js';
