import { decodeAlertSyncEntry, type AlertSyncEntry } from '@marketswarm/shared/dto';
import { decodeStreamEntry } from '@marketswarm/shared/events';
import type { OwnSyncEntries } from './own-sync-entries.js';

/** What a batch of the alert sync and book streams asks of the engine. */
export interface SyncBatch {
  /** The last entry read on each stream: committed once the batch is applied. */
  cursors: Map<string, string>;
  /** Users whose alerts or prompt alerts changed (not by the engine's own reports): read again from the journal. */
  reload: Set<string>;
  /** Users whose alerts or book changed, with their last entry: its time is the hits' time and its id names them, the same on a replay. */
  touched: Map<string, string>;
  /** Orders the journal filled: each is announced to its owner. */
  fills: AlertSyncEntry[];
  /** Streams of entries that failed the contract, one per entry. */
  invalid: string[];
}

/**
 * Sorts a batch of sync and book entries into what they ask for. A book entry only says whose book
 * changed: the book is read from the snapshot, the latest list, so replaying an older entry after a
 * restart never puts an older book back. A sync entry the engine expected (its own hit, stage or
 * remove-on-hit delete) is consumed and reloads nobody.
 */
export function readSyncBatch(entries: ReadonlyArray<[stream: string, entry: [id: string, fields: string[]]]>, syncStream: string, own: OwnSyncEntries): SyncBatch {
  const batch: SyncBatch = { cursors: new Map(), reload: new Set(), touched: new Map(), fills: [], invalid: [] };
  for (const [stream, [id, fields]] of entries) {
    batch.cursors.set(stream, id);
    if (stream !== syncStream) {
      const decoded = decodeStreamEntry(fields);
      if (decoded.ok && decoded.event.user !== undefined) batch.touched.set(decoded.event.user, id);
      else batch.invalid.push(stream);
      continue;
    }
    let entry: AlertSyncEntry;
    try {
      entry = decodeAlertSyncEntry(fields);
    } catch {
      batch.invalid.push(stream);
      continue;
    }
    if (entry.entity === 'order') {
      if (entry.change === 'filled') batch.fills.push(entry);
    } else if (!own.consume(entry)) {
      batch.reload.add(entry.user);
      batch.touched.set(entry.user, id);
    }
  }
  return batch;
}
