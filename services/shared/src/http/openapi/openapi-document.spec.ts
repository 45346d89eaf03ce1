import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument, openApiPath } from './openapi-document.js';
import type { DocumentedRoute } from './route-doc.js';

const item = z.object({ name: z.string().min(1), qty: z.number().int().positive() });

const routes: DocumentedRoute[] = [
  { method: 'GET', path: '/api/items', policy: 'public', doc: { summary: 'List items', query: z.object({ limit: z.coerce.number().int().default(10).describe('at most') }), responses: { 200: z.array(item) } } },
  { method: 'POST', path: '/api/items', policy: 'session', doc: { summary: 'Add an item', body: item, responses: { 201: item }, errors: { 409: '`conflict`: the name is taken' } } },
  { method: 'DELETE', path: '/api/items/:id', policy: 'admin', doc: { summary: 'Remove an item', params: z.object({ id: z.string().describe('the item') }), responses: { 204: null } } },
  { method: 'POST', path: '/api/uploads', policy: 'session', doc: { summary: 'Upload a file', body: z.strictObject({ label: z.string().optional() }), files: { file: 'the upload' }, responses: { 200: item } } },
  { method: 'GET', path: '/api/items/export', policy: 'session', doc: { summary: 'Download the items', responses: { 200: null }, fileResponses: { 200: ['text/csv'] } } },
];

describe(openApiDocument.name, () => {
  const document = openApiDocument({ title: 'items', version: '1.2.3' }, routes);

  it('lists every route under its OpenAPI path and method, tagged by its area', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/api/items', '/api/items/{id}', '/api/items/export', '/api/uploads']);
    expect(Object.keys(document.paths['/api/items'] ?? {})).toEqual(['get', 'post']);
    expect(document.paths['/api/items/{id}']?.['delete']?.tags).toEqual(['items']);
  });

  it('states who may call: nobody needed, the session, the session and the CSRF header for a change', () => {
    expect(document.paths['/api/items']?.['get']).toMatchObject({ security: [], 'x-policy': 'public' });
    expect(document.paths['/api/items']?.['post']).toMatchObject({ security: [{ session: [], csrf: [] }], 'x-policy': 'session' });
    expect(document.paths['/api/items/{id}']?.['delete']).toMatchObject({ security: [{ session: [], csrf: [] }], 'x-policy': 'admin' });
    expect(document.components.securitySchemes).toMatchObject({ session: { in: 'cookie', name: 'ms_session' }, csrf: { in: 'header', name: 'X-CSRF-Token' } });
  });

  it('describes parameters and bodies from the same zod schemas the route validates with', () => {
    expect(document.paths['/api/items']?.['get']?.parameters).toEqual([{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 10, minimum: expect.any(Number) as number, maximum: expect.any(Number) as number }, description: 'at most' }]);
    expect(document.paths['/api/items/{id}']?.['delete']?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the item' }]);
    expect(document.paths['/api/items']?.['post']?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, qty: { type: 'integer', exclusiveMinimum: 0 } }, required: ['name', 'qty'] } } },
    });
  });

  it('adds the refusals a route can answer, each with the shared error body', () => {
    const post = document.paths['/api/items']?.['post']?.responses ?? {};
    expect(Object.keys(post)).toEqual(['201', '400', '401', '403', '409', '413', '415']);
    expect(post['403']?.['description']).toContain('`csrf`');
    expect(post['409']).toEqual({ description: '`conflict`: the name is taken', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
    expect(Object.keys(document.paths['/api/items/{id}']?.['delete']?.responses ?? {})).toEqual(['204', '400', '401', '403']);
    expect(document.paths['/api/items/{id}']?.['delete']?.responses['204']).toEqual({ description: 'No Content' });
    expect(document.components.schemas['ErrorBody']).toMatchObject({ required: ['statusCode', 'error', 'code', 'message'] });
  });
});

describe('file bodies and answers', () => {
  const document = openApiDocument({ title: 'items', version: '1.2.3' }, routes);

  it('describes a multipart upload: its text fields and a binary part per file, no JSON refusals', () => {
    const upload = document.paths['/api/uploads']?.['post'];
    expect(upload?.requestBody).toEqual({
      required: true,
      content: {
        'multipart/form-data': {
          schema: expect.objectContaining({ type: 'object', properties: { label: { type: 'string' }, file: { type: 'string', format: 'binary', description: 'the upload' } }, required: ['file'] }) as unknown,
        },
      },
    });
    expect(Object.keys(upload?.responses ?? {})).toEqual(['200', '400', '401', '403', '413']);
  });

  it('describes a download by its content types, as binary', () => {
    expect(document.paths['/api/items/export']?.['get']?.responses['200']).toEqual({ description: 'OK', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } });
  });
});

describe(openApiPath.name, () => {
  it('writes Express parameters in braces and refuses syntax OpenAPI cannot say', () => {
    expect(openApiPath('/api/models/:model/:symbol')).toBe('/api/models/{model}/{symbol}');
    expect(() => openApiPath('/files/*rest')).toThrow(/cannot describe/);
  });
});

describe('internal routes', () => {
  const document = openApiDocument({ title: 'items', version: '1.2.3' }, [{ method: 'POST', path: '/api/internal/items/:id/hits', policy: 'internal', doc: { summary: 'Record a hit', body: item, responses: { 200: item } } }]);
  const hit = document.paths['/api/internal/items/{id}/hits']?.['post'];

  it('asks for the bearer secret instead of the session and the CSRF header', () => {
    expect(hit).toMatchObject({ security: [{ internal: [] }], 'x-policy': 'internal' });
    expect(document.components.securitySchemes).toMatchObject({ internal: { type: 'http', scheme: 'bearer' } });
  });

  it('documents the 404 every other caller gets, and no 401 or 403', () => {
    expect(Object.keys(hit?.responses ?? {})).toEqual(['200', '400', '404', '413', '415']);
    expect(hit?.responses['404']?.['description']).toContain('bearer token is missing or wrong');
  });
});
