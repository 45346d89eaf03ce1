/**
 * Injection token for the booted `ServiceContext` (truth, config, logger, Redis bus, metrics).
 * `ServiceContext` is an interface, so Nest cannot inject it by type; inject it with
 * `@Inject(SERVICE_CONTEXT) ctx: ServiceContext`.
 */
export const SERVICE_CONTEXT = Symbol('SERVICE_CONTEXT');
