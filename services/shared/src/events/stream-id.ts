/** A Redis stream entry id `<ms>-<seq>`, kept as two numbers so comparisons are exact and cheap. */
export interface StreamId {
  ms: number;
  seq: number;
}

export const ZERO_ID: StreamId = { ms: 0, seq: 0 };

export function parseStreamId(text: string): StreamId | null {
  const dash = text.indexOf('-');
  if (dash <= 0) return null;
  const ms = Number(text.slice(0, dash));
  const seq = Number(text.slice(dash + 1));
  return Number.isSafeInteger(ms) && Number.isSafeInteger(seq) && ms >= 0 && seq >= 0 ? { ms, seq } : null;
}

export function formatStreamId(id: StreamId): string {
  return `${id.ms}-${id.seq}`;
}

export function compareStreamIds(a: StreamId, b: StreamId): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.seq - b.seq;
}
