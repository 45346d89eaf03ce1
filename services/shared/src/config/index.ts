export * from './env-settings.js';
export * from './stack-addresses.js';
export * from './service-config.js';
export * from './gateway-instances.js';
