import { createHash } from 'node:crypto';

/**
 * Hashes rows so the same execution gets the same hash in any later export that contains it.
 * Cells are trimmed and upper-cased (exports differ in padding and case across versions), and
 * identical rows are numbered: thinkorswim prints two real fills of 500 NVDA at the same second
 * as two identical lines, and both must be kept, not deduplicated as a re-import.
 */
export class RowHasher {
  private readonly seen = new Map<string, number>();

  constructor(private readonly broker: string) {}

  hash(cells: readonly string[]): string {
    const normalised = [this.broker, ...cells.map((cell) => cell.trim().replace(/\s+/g, ' ').toUpperCase())].join('\u001f');
    const occurrence = (this.seen.get(normalised) ?? 0) + 1;
    this.seen.set(normalised, occurrence);
    return createHash('sha256').update(`${normalised}\u001e${occurrence}`).digest('hex');
  }
}
