import { Controller, Get, HttpCode, Inject, Post, type Type } from '@nestjs/common';
import { z } from 'zod';
import { roleSchema, type UserDto } from '../dto/auth.schema.js';
import type { ServiceContext } from '../service/index.js';
import { ApiRoute } from './api-route.decorator.js';
import { CurrentUser } from './current-user.decorator.js';
import { SERVICE_CONTEXT } from './service-context.token.js';
import { ZodBody } from './zod-validation.pipe.js';

export const edgeProbeSchema = z.object({
  service: z.string().describe('the service that answered'),
  user: z.object({ id: z.string(), role: roleSchema }),
});

export const edgeEchoBodySchema = z.strictObject({
  message: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export const edgeEchoSchema = edgeProbeSchema.extend({ message: z.string() });

/**
 * The smallest real routes of a Nest service's edge, for operators and the specs: who this service
 * sees behind the session cookie (its own check against system Redis), and a CSRF-checked POST
 * whose body goes through the zod pipe. `curl -b cookies …/edge` shows at once whether the service
 * reads sessions as the gateway writes them.
 */
export function edgeProbeController(path: string): Type<unknown> {
  @Controller(path)
  class EdgeProbeController {
    constructor(@Inject(SERVICE_CONTEXT) private readonly ctx: Pick<ServiceContext, 'id'>) {}

    @Get()
    @ApiRoute({ summary: 'The signed-in user as this service sees them', responses: { 200: edgeProbeSchema } })
    whoAmI(@CurrentUser() user: UserDto): z.output<typeof edgeProbeSchema> {
      return { service: this.ctx.id, user: { id: user.id, role: user.role } };
    }

    @Post()
    @HttpCode(200)
    @ApiRoute({ summary: 'Echoes a message through the session, CSRF and body checks', responses: { 200: edgeEchoSchema } })
    echo(@CurrentUser() user: UserDto, @ZodBody(edgeEchoBodySchema) body: z.output<typeof edgeEchoBodySchema>): z.output<typeof edgeEchoSchema> {
      return { service: this.ctx.id, user: { id: user.id, role: user.role }, message: body.message };
    }
  }
  return EdgeProbeController;
}
