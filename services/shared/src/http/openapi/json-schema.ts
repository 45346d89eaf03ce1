import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1). `input` describes what a client
 * sends (before defaults and transforms), `output` what a service answers. Checks JSON Schema
 * cannot say (a refine, a transform's result) are left out rather than refused.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The properties of an object schema, each with whether it is required. */
export function objectProperties(schema: z.ZodType, io: 'input' | 'output'): { name: string; schema: JsonSchema; required: boolean; description?: string }[] {
  const json = jsonSchemaOf(schema, io);
  const properties = json['properties'];
  if (json['type'] !== 'object' || typeof properties !== 'object' || properties === null) {
    throw new Error(`expected an object schema for parameters, got ${JSON.stringify(json)}`);
  }
  const required = new Set(Array.isArray(json['required']) ? (json['required'] as string[]) : []);
  return Object.entries(properties as Record<string, JsonSchema>).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, schema: rest, required: required.has(name), ...(typeof description === 'string' ? { description } : {}) };
  });
}
