/** What the publisher knows of one seq: it was acknowledged by Redis on this attempt. */
export interface AckedSeq {
  seq: number;
  attempt: number;
  ackedAt: number;
}

export interface SequenceVerdict {
  delivered: number;
  /** Acknowledged seqs this client never received. */
  lost: number[];
  /** Seqs received more than once from the same append: the gateway repeated an event. */
  duplicated: number[];
  /**
   * Seqs received more than once from different appends: the publisher retried an append whose
   * acknowledgement it never got although Redis had stored it (at-least-once on the producer side).
   */
  republished: number[];
  /** Deliveries that came after a higher seq of the same topic. */
  outOfOrder: number;
}

/**
 * Checks one client's view of one topic: every acknowledged seq exactly once, in order. It keeps
 * every arrival time so recovery after a fault can be measured from the same record.
 */
export class SequenceChecker {
  private readonly firstSeen = new Map<number, { attempt: number; at: number }>();
  private readonly duplicated = new Set<number>();
  private readonly republished = new Set<number>();
  private highest = -1;
  private outOfOrder = 0;
  /** Arrival times in delivery order, with their seq, for recovery queries. */
  private readonly arrivals: { seq: number; at: number }[] = [];

  record(seq: number, attempt: number, at: number): void {
    const earlier = this.firstSeen.get(seq);
    if (earlier) {
      (earlier.attempt === attempt ? this.duplicated : this.republished).add(seq);
      return;
    }
    if (seq < this.highest) this.outOfOrder += 1;
    this.highest = Math.max(this.highest, seq);
    this.firstSeen.set(seq, { attempt, at });
    this.arrivals.push({ seq, at });
  }

  has(seq: number): boolean {
    return this.firstSeen.has(seq);
  }

  /** True once every acknowledged seq has arrived. */
  hasAll(acked: readonly AckedSeq[]): boolean {
    return acked.every((a) => this.firstSeen.has(a.seq));
  }

  /** When the first seq at or after `seq` arrived, if one has. */
  firstArrivalFrom(seq: number): number | undefined {
    return this.arrivals.find((a) => a.seq >= seq)?.at;
  }

  /**
   * The longest time in [from, to] with no new seq arriving, counting the edges: the outage a
   * trader saw, whatever instant the fault really took effect inside the window.
   */
  longestSilence(from: number, to: number): number {
    let longest = 0;
    let last = from;
    for (const { at } of this.arrivals) {
      if (at <= from) continue;
      if (at > to) break;
      longest = Math.max(longest, at - last);
      last = at;
    }
    return Math.max(longest, to - last);
  }

  verdict(acked: readonly AckedSeq[]): SequenceVerdict {
    return {
      delivered: this.firstSeen.size,
      lost: acked.filter((a) => !this.firstSeen.has(a.seq)).map((a) => a.seq),
      duplicated: [...this.duplicated].sort((a, b) => a - b),
      republished: [...this.republished].sort((a, b) => a - b),
      outOfOrder: this.outOfOrder,
    };
  }
}
