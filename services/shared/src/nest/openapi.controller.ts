import { Controller, Get, Inject, type Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { documentedRoutes, openApiResponseSchema } from '../http/edge/openapi-route.js';
import { openApiDocument, type OpenApiDocument, type OpenApiInfo } from '../http/openapi/openapi-document.js';
import { ApiRoute } from './api-route.decorator.js';
import { Public } from './edge-metadata.js';
import { nestRouteTable } from './nest-route-table.js';

export const OPENAPI_INFO = Symbol('OPENAPI_INFO');

/**
 * A controller serving the service's OpenAPI document at `path` (under the `/api` prefix, so nginx
 * routes it), built once from the app's own controllers.
 */
export function openApiController(path: string): Type<unknown> {
  @Public()
  @Controller(path)
  class OpenApiController {
    private document: OpenApiDocument | undefined;

    constructor(
      @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
      @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
      @Inject(Reflector) private readonly reflector: Reflector,
      @Inject(OPENAPI_INFO) private readonly info: OpenApiInfo,
    ) {}

    @Get()
    @ApiRoute({ summary: "This service's OpenAPI document", responses: { 200: openApiResponseSchema } })
    openApi(): OpenApiDocument {
      this.document ??= openApiDocument(this.info, documentedRoutes(nestRouteTable({ discovery: this.discovery, scanner: this.scanner, reflector: this.reflector })));
      return this.document;
    }
  }
  return OpenApiController;
}
