import 'reflect-metadata';
import { type ArgumentMetadata, Body, Injectable, Param, type PipeTransform, Query } from '@nestjs/common';
import type { z } from 'zod';
import { parseBody, parseInput } from '../http/edge/json-body.js';

/**
 * Validates a handler argument with a zod schema and hands on the parsed value: 400 `validation`
 * with `issues` naming each field and reason, in the shared error body; a missing JSON body is 415,
 * as on the Express services (the same parseBody / parseInput).
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    switch (metadata.type) {
      case 'body':
        return parseBody(this.schema, value);
      case 'query':
        return parseInput(this.schema, value, 'query');
      case 'param':
        return parseInput(this.schema, value, 'path');
      case 'custom':
        return parseInput(this.schema, value, 'body');
    }
  }
}

/** Where `@ZodBody` and friends leave their schema for the OpenAPI document. */
export const ROUTE_INPUT_KEYS = { body: 'marketswarm:input:body', query: 'marketswarm:input:query', params: 'marketswarm:input:params' } as const;

function recorded(key: string, schema: z.ZodType, decorator: ParameterDecorator): ParameterDecorator {
  return (target, propertyKey, index) => {
    if (propertyKey !== undefined) Reflect.defineMetadata(key, schema, target, propertyKey);
    decorator(target, propertyKey, index);
  };
}

/** The JSON body, parsed by `schema` (and documented with it). */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return recorded(ROUTE_INPUT_KEYS.body, schema, Body(new ZodValidationPipe(schema)));
}

/** The query string as one object, parsed by `schema`. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return recorded(ROUTE_INPUT_KEYS.query, schema, Query(new ZodValidationPipe(schema)));
}

/** The path parameters as one object, parsed by `schema`. */
export function ZodParams(schema: z.ZodType): ParameterDecorator {
  return recorded(ROUTE_INPUT_KEYS.params, schema, Param(new ZodValidationPipe(schema)));
}
