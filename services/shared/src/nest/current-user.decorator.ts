import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionUser } from '../auth/authenticate.js';
import type { UserDto } from '../dto/auth.schema.js';
import { currentAuth } from '../http/edge/request-auth.js';

/** The signed-in user (`UserDto`) the session guard authenticated; a 401 on a route without one. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserDto => currentAuth(context.switchToHttp().getRequest<Request>()).user);

/** The whole session check result (user, session record, whether it slid). */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => currentAuth(context.switchToHttp().getRequest<Request>()));
