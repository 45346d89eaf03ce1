import { STATUS_CODES } from 'node:http';
import { isStateChangingMethod } from '../../auth/csrf.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../dto/auth.schema.js';
import { errorBodySchema } from '../error-body.js';
import { needsSession } from '../edge/route-policy.js';
import { jsonSchemaOf, objectProperties, type JsonSchema } from './json-schema.js';
import type { DocumentedRoute, RouteDoc } from './route-doc.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export interface OpenApiOperation {
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-policy': DocumentedRoute['policy'];
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiInfo;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

/**
 * An OpenAPI 3.1 document of a service's routes, built from what each route declared (its policy
 * and the zod schemas it validates with). Every error answer is the shared ErrorBody.
 */
export function openApiDocument(info: OpenApiInfo, routes: readonly DocumentedRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { ErrorBody: jsonSchemaOf(errorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'set by POST /api/auth/login or /register on the gateway; every service checks it against system Redis' },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'the value of the ms_csrf cookie, on every POST/PUT/PATCH/DELETE behind a session' },
        internal: { type: 'http', scheme: 'bearer', description: 'service to service only (never through nginx): the internalToken secret of the serving component in truth' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'an API key for outside producers (ms_live_…), made with ./admin key add <name> --topics …; no cookie or CSRF token' },
      },
    },
  };
}

/** A multipart body: its text fields from `body`, and a binary property per file part. */
function multipartSchema(doc: RouteDoc): JsonSchema {
  const fields = doc.body ? jsonSchemaOf(doc.body, 'input') : { type: 'object', properties: {} };
  const properties = { ...((fields['properties'] as Record<string, JsonSchema> | undefined) ?? {}) };
  for (const [name, description] of Object.entries(doc.files ?? {})) properties[name] = { type: 'string', format: 'binary', description };
  const required = [...((fields['required'] as string[] | undefined) ?? []), ...Object.keys(doc.files ?? {})];
  return { ...fields, type: 'object', properties, required };
}

/** `/api/models/:model` → `/api/models/{model}`; path syntax OpenAPI cannot say is refused. */
export function openApiPath(expressPath: string): string {
  if (/[*{}()?]/.test(expressPath)) throw new Error(`openApiPath: ${expressPath} uses Express path syntax OpenAPI cannot describe`);
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operation(route: DocumentedRoute): OpenApiOperation {
  const { doc, policy } = route;
  const needsCsrf = needsSession(policy) && isStateChangingMethod(route.method);
  const parameters = [...pathParameters(route.path, doc), ...queryParameters(doc)];
  return {
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [tagOf(route.path)],
    security: policy === 'public' ? [] : policy === 'internal' ? [{ internal: [] }] : policy === 'apiKey' ? [{ apiKey: [] }] : [needsCsrf ? { session: [], csrf: [] } : { session: [] }],
    'x-policy': policy,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.files ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: multipartSchema(doc) } } } } : doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(doc.body, 'input') } } } } : {}),
    responses: responses(route, needsCsrf),
  };
}

function pathParameters(path: string, doc: RouteDoc): JsonSchema[] {
  const names = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
  const declared = new Map(doc.params ? objectProperties(doc.params, 'input').map((p) => [p.name, p]) : []);
  return names.map((name) => {
    const p = declared.get(name);
    return { name, in: 'path', required: true, schema: p?.schema ?? { type: 'string' }, ...(p?.description ? { description: p.description } : {}) };
  });
}

function queryParameters(doc: RouteDoc): JsonSchema[] {
  if (!doc.query) return [];
  return objectProperties(doc.query, 'input').map((p) => ({ name: p.name, in: 'query', required: p.required, schema: p.schema, ...(p.description ? { description: p.description } : {}) }));
}

function responses(route: DocumentedRoute, needsCsrf: boolean): Record<string, JsonSchema> {
  const { doc, policy } = route;
  const answers: Record<string, JsonSchema> = {};
  for (const [status, schema] of Object.entries(doc.responses)) {
    const fileTypes = doc.fileResponses?.[Number(status)];
    answers[status] = {
      description: STATUS_CODES[Number(status)] ?? status,
      ...(fileTypes
        ? { content: Object.fromEntries(fileTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
        : schema
          ? { content: { 'application/json': { schema: jsonSchemaOf(schema, 'output') } } }
          : {}),
    };
  }
  const errors = new Map<number, string[]>();
  const add = (status: number, when: string) => errors.set(status, [...(errors.get(status) ?? []), when]);
  if (doc.params || doc.query || doc.body) add(400, '`validation`: `issues` names each refused field and why');
  if (doc.files) {
    add(413, '`payload-too-large`: a file is over the route\'s limit');
  } else if (doc.body) {
    add(400, '`bad-request`: the body is not valid JSON');
    add(413, '`payload-too-large`: the body is over the JSON limit');
    add(415, '`unsupported-media-type`: no body, or not sent as application/json');
  }
  if (needsSession(policy)) add(401, '`unauthorized`: no live session');
  if (policy === 'apiKey') add(401, '`unauthorized`: the API key is missing, unknown or revoked (with WWW-Authenticate: Bearer)');
  if (policy === 'internal') add(404, '`not-found`: no internal token is configured, or the bearer token is missing or wrong (the route answers as if absent)');
  if (needsCsrf) add(403, '`csrf`: the X-CSRF-Token header is missing or does not match');
  if (policy === 'admin') add(403, '`forbidden`: the user is not an admin');
  for (const [status, when] of Object.entries(doc.errors ?? {})) add(Number(status), when);
  for (const [status, whens] of [...errors].sort(([a], [b]) => a - b)) {
    answers[String(status)] = { description: whens.join('; '), content: { 'application/json': { schema: ERROR_REF } } };
  }
  return answers;
}

/** Operations group by the service area after `/api` (`auth`, `models`, `journal`). */
function tagOf(path: string): string {
  const [, first, second] = path.split('/');
  return first === 'api' && second ? second : 'operations';
}
