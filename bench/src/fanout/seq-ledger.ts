/**
 * What one client saw of a numbered stream (seq 0, 1, 2…): every number should arrive once and in
 * order, across reconnects. A jump forward counts the numbers skipped as gaps; a number at or
 * below the last one is a duplicate (or out of order, which a resume must never produce either).
 */
export class SeqLedger {
  last = -1;
  gaps = 0;
  duplicates = 0;
  received = 0;

  see(seq: number): void {
    this.received++;
    if (seq <= this.last) {
      this.duplicates++;
      return;
    }
    this.gaps += seq - this.last - 1;
    this.last = seq;
  }

  /** Gaps once the stream is over: numbers skipped, plus those after the last one received. */
  gapsAtEnd(total: number): number {
    return this.gaps + Math.max(0, total - 1 - this.last);
  }
}

/** The `seq` of an event's payload, read without parsing the whole JSON; null when there is none. */
export function readSeq(data: string): number | null {
  const at = data.indexOf('"seq":');
  if (at === -1) return null;
  let end = at + 6;
  while (end < data.length && data.charCodeAt(end) >= 48 && data.charCodeAt(end) <= 57) end++;
  return end === at + 6 ? null : Number(data.slice(at + 6, end));
}
