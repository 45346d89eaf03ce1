import { performance } from 'node:perf_hooks';

/**
 * The one event every server carries: a vexy envelope whose payload (`data`) is about
 * `payloadBytes` of JSON and holds `pt`, the publish time in high-resolution epoch milliseconds
 * (`performance.timeOrigin + performance.now()`), so the load generator — another process — can
 * measure publish→receive latency. nchan and the baseline get the same envelope JSON as their
 * message body, so every server puts the same bytes on the wire (plus its own framing).
 */
export interface BenchEnvelope {
  topic: 'vexy';
  type: 'comment';
  ts: number;
  data: { text: string; seq: number; pt: number };
}

/** Key the load generator looks for, in every server's frames. */
export const TIMESTAMP_KEY = '"pt":';

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export class EventFactory {
  private readonly text: string;

  constructor(payloadBytes: number) {
    // Size the filler with a representative seq and timestamp, so the payload JSON is payloadBytes long.
    const probe = JSON.stringify({ text: '', seq: 123456, pt: Number(nowMs().toFixed(3)) }).length;
    const filler = 'Vexy: SPX pins 5900 into the close, gamma flips above 5925; dealers short vol, watch the 0DTE flow. ';
    this.text = filler.repeat(Math.ceil(payloadBytes / filler.length)).slice(0, Math.max(1, payloadBytes - probe));
  }

  make(seq: number): BenchEnvelope {
    const pt = nowMs();
    return { topic: 'vexy', type: 'comment', ts: Math.floor(pt), data: { text: this.text, seq, pt: Math.round(pt * 1000) / 1000 } };
  }

  /** Sizes for the report: payload JSON and the whole envelope JSON. */
  sizes(): { payloadBytes: number; envelopeBytes: number } {
    const sample = this.make(123456);
    return { payloadBytes: Buffer.byteLength(JSON.stringify(sample.data)), envelopeBytes: Buffer.byteLength(JSON.stringify(sample)) };
  }
}
