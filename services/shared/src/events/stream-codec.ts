import { parseEvent, type ParseEventResult, type TypedEvent } from './envelope.js';

/** Field name under which the JSON envelope is stored in each Redis stream entry. */
export const STREAM_FIELD = 'e';

export function encodeStreamEntry(event: TypedEvent): [typeof STREAM_FIELD, string] {
  return [STREAM_FIELD, JSON.stringify(event)];
}

/** The envelope's JSON text in the flat field list ioredis returns for one stream entry. */
export function streamEntryText(fields: readonly string[]): string | undefined {
  const index = fields.indexOf(STREAM_FIELD);
  return index >= 0 && index % 2 === 0 ? fields[index + 1] : undefined;
}

/** Decodes the flat field list ioredis returns for one stream entry; never throws. */
export function decodeStreamEntry(fields: readonly string[]): ParseEventResult {
  const raw = streamEntryText(fields);
  if (raw === undefined) return { ok: false, issues: [{ path: '(entry)', message: `no "${STREAM_FIELD}" field` }] };
  return decodeEventText(raw);
}

/** Decodes one envelope's JSON text, as a stream entry or a snapshot hash field holds it; never throws. */
export function decodeEventText(raw: string): ParseEventResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, issues: [{ path: '(entry)', message: `invalid JSON: ${(error as Error).message}` }] };
  }
  return parseEvent(json);
}
