import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { DEFAULT_RENEW_AFTER_SEC } from '../auth/session.repository.js';
import type { OpenApiInfo } from '../http/openapi/openapi-document.js';
import type { ServiceContext } from '../service/index.js';
import type { SettingsSchema } from '../truth/settings/setting-meta.js';
import type { ComponentSettingsSpec } from '../truth/settings/settings-spec.js';
import { CsrfGuard } from './csrf.guard.js';
import { NEST_EDGE_OPTIONS, type NestEdgeOptions } from './edge-options.token.js';
import { JsonBodyInterceptor } from './json-body.interceptor.js';
import { OPENAPI_INFO, openApiController } from './openapi.controller.js';
import { RolesGuard } from './roles.guard.js';
import { SessionGuard } from './session.guard.js';

export interface NestEdgeModuleOptions {
  session: NestEdgeOptions;
  /** The document's path under `/api` (`journal/openapi.json`) and its title and version. */
  openApi: { path: string; info: OpenApiInfo };
}

/**
 * The HTTP edge of a NestJS service: session, CSRF and role guards on every route (deny by default:
 * only `@Public()` opens one), the JSON body parsed once they pass, and the OpenAPI document of its routes.
 */
@Module({})
export class NestEdgeModule {
  static forRoot(options: NestEdgeModuleOptions): DynamicModule {
    return {
      module: NestEdgeModule,
      imports: [DiscoveryModule],
      controllers: [openApiController(options.openApi.path)],
      providers: [
        { provide: NEST_EDGE_OPTIONS, useValue: options.session },
        { provide: OPENAPI_INFO, useValue: options.openApi.info },
        // Global guards run in this order: 401 before 403.
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // After the guards: a refused request's body is never parsed.
        { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor },
      ],
    };
  }
}

/**
 * The session check of a service booted from truth: system Redis and the node's session lifetime,
 * which the service's settings spec must declare it reads (so a changed `node.sessionTtlSec` shows
 * as "restart needed" on its /health until the restart applies it).
 */
export function sessionCheckOptionsOf(ctx: Pick<ServiceContext, 'bus' | 'settings'>, spec: ComponentSettingsSpec<SettingsSchema, 'sessionTtlSec'>): NestEdgeOptions {
  return { redis: ctx.bus.get('system'), sessionTtlSec: ctx.settings.of(spec).node.sessionTtlSec, renewAfterSec: DEFAULT_RENEW_AFTER_SEC };
}
