export * from './create-metrics.js';
export { Counter, Gauge, Histogram, Registry } from 'prom-client';
