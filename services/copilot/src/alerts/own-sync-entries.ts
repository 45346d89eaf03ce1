import type { AlertSyncEntry } from '@marketswarm/shared/dto';

type OwnChange = Extract<AlertSyncEntry['change'], 'hit' | 'stage' | 'deleted'>;

/** Far more than one batch can announce; past it the oldest are forgotten (their entries then reload, as any other). */
const DEFAULT_CAPACITY = 50_000;

/**
 * The sync entries the journal appends because of this engine's own reports (a hit, a stage, the
 * delete of a remove-on-hit), expected once the journal accepted each report. The book already
 * holds what such an entry says, so it reloads nobody; every other entry (a user's create, edit,
 * enable, disable, delete, or a report the engine did not see accepted) still reloads its user.
 */
export class OwnSyncEntries {
  private readonly expected = new Map<string, number>();
  private size = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  expect(entity: AlertSyncEntry['entity'], id: string, change: OwnChange): void {
    const key = keyOf(entity, id, change);
    this.expected.set(key, (this.expected.get(key) ?? 0) + 1);
    if (++this.size > this.capacity) this.evictOldest();
  }

  /** True (and forgotten) when the entry is one the engine expected. */
  consume(entry: Pick<AlertSyncEntry, 'entity' | 'id' | 'change'>): boolean {
    const key = keyOf(entry.entity, entry.id, entry.change);
    const count = this.expected.get(key);
    if (count === undefined) return false;
    if (count > 1) this.expected.set(key, count - 1);
    else this.expected.delete(key);
    this.size--;
    return true;
  }

  clear(): void {
    this.expected.clear();
    this.size = 0;
  }

  private evictOldest(): void {
    const oldest = this.expected.keys().next();
    if (oldest.done) return;
    this.size -= this.expected.get(oldest.value) ?? 0;
    this.expected.delete(oldest.value);
  }
}

function keyOf(entity: string, id: string, change: string): string {
  return `${entity}\u0000${id}\u0000${change}`;
}
