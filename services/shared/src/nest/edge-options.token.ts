import type { SessionCheckOptions } from '../http/edge/session-checks.js';

/** Injection token of the `SessionCheckOptions` (system Redis, session lifetime) the guards use. */
export const NEST_EDGE_OPTIONS = Symbol('NEST_EDGE_OPTIONS');

export type NestEdgeOptions = SessionCheckOptions;
