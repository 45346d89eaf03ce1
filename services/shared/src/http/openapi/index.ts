export * from './route-doc.js';
export * from './json-schema.js';
export * from './openapi-document.js';
