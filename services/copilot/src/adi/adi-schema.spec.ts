import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADI_JSON_SCHEMA_ID, ADI_SCHEMA_ID, ADI_SCHEMA_VERSION, adiJsonSchema, adiSections, adiSnapshotSchema, type AdiSnapshot } from '@marketswarm/shared/dto';
import { adiCsv } from './adi-csv.js';
import { ADI_TEXT_HEADINGS, adiText } from './adi-text.js';
import { adiInputs } from './adi.fixtures.js';
import { buildAdiSnapshot } from './adi-snapshot.builder.js';

/** Every leaf of a value with its dotted path, walked here independently of the CSV writer's own flattening. */
function leaves(value: unknown, path: string[] = []): { path: string; leaf: string | number | boolean | null }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path: path.join('.'), leaf: value as string | number | boolean | null }];
}

const snapshot: AdiSnapshot = buildAdiSnapshot(adiInputs());

describe('ADI snapshot schema', () => {
  it('accepts a built snapshot unchanged, with its schema id and version', () => {
    expect(adiSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.schema).toEqual({ id: ADI_SCHEMA_ID, version: ADI_SCHEMA_VERSION });
  });

  it('accepts a snapshot without MEL', () => {
    expect(adiSnapshotSchema.safeParse(buildAdiSnapshot(adiInputs({ mel: null }))).success).toBe(true);
  });

  it('serves a JSON schema that names the same id, version and required sections as the zod schema', () => {
    const json = adiJsonSchema();
    expect(json['$id']).toBe(ADI_JSON_SCHEMA_ID);
    expect(json['x-schema-id']).toBe(ADI_SCHEMA_ID);
    expect(json['x-schema-version']).toBe(ADI_SCHEMA_VERSION);
    expect(json['required']).toEqual(Object.keys(adiSnapshotSchema.shape));
    expect(json['required']).toEqual(expect.arrayContaining([...adiSections]));
    expect(json).toMatchObject({ properties: { schema: { properties: { id: { const: ADI_SCHEMA_ID }, version: { const: ADI_SCHEMA_VERSION } } } } });
  });

  it('validates a built snapshot against the served JSON schema, and refuses another version', () => {
    // zod reads the JSON schema back into a validator: what a client generating code from /api/adi/schema would accept.
    const fromJson = z.fromJSONSchema(adiJsonSchema());
    expect(fromJson.safeParse(JSON.parse(JSON.stringify(snapshot))).success).toBe(true);
    expect(fromJson.safeParse({ ...snapshot, schema: { id: ADI_SCHEMA_ID, version: ADI_SCHEMA_VERSION + 1 } }).success).toBe(false);
    expect(fromJson.safeParse({ ...snapshot, gamma: undefined }).success).toBe(false);
  });

  it('writes every leaf field to CSV so that it parses back to the same value', () => {
    const rows = parse<{ section: string; field: string; value: string }>(adiCsv(snapshot), { columns: true });
    const written = new Map(rows.map((row) => [`${row.section}|${row.field}`, row.value]));
    const { schema, symbol, dte, generatedAt, ...sections } = snapshot;
    const expected = [
      ...leaves({ schema, symbol, dte, generatedAt }).map((l) => ({ key: `meta|${l.path}`, leaf: l.leaf })),
      ...Object.entries(sections).flatMap(([section, value]) => leaves(value).map((l) => ({ key: `${section}|${l.path}`, leaf: l.leaf }))),
    ];
    expect(rows).toHaveLength(expected.length);
    for (const { key, leaf } of expected) {
      const text = written.get(key);
      expect(text, key).toBeDefined();
      const back = leaf === null ? (text === '' ? null : text) : typeof leaf === 'number' ? Number(text) : typeof leaf === 'boolean' ? text === 'true' : text;
      expect(back, key).toEqual(leaf);
    }
  });

  it('writes a heading for every section in the text', () => {
    const text = adiText(snapshot);
    for (const section of adiSections) expect(text).toContain(`\n${ADI_TEXT_HEADINGS[section]}\n`);
  });
});
