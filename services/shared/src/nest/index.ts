export * from './service-context.token.js';
export * from './service-context.module.js';
export * from './pino-nest-logger.js';
export * from './global-exception.filter.js';
export * from './health.controller.js';
export * from './metrics.controller.js';
export * from './health.module.js';
export * from './start-nest-service.js';
