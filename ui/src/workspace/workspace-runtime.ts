import { z } from 'zod';
import { parseEvent } from '@marketswarm/shared/events';
import { getJson } from '../api/http';
import { checkSession } from '../auth/auth-api';
import { connectRiskBook } from '../risk/risk-book-stream';
import { WhatIfStore } from '../risk/what-if-store';
import { createWorkspaceStores, type WorkspaceStores } from '../stores/workspace-stores';
import { chooseTransport, pageProtocol } from '../stream/protocol';
import { StreamHub } from '../stream/stream-hub';
import { workspaceStreams } from '../stream/stream-plan';

/** `GET /api/models/:model/:symbol`: envelopes, each checked with parseEvent. */
const modelSnapshotSchema = z.object({ items: z.array(z.unknown()) });

export interface WorkspaceRuntime {
  hub: StreamHub;
  stores: WorkspaceStores;
  whatIf: WhatIfStore;
  dispose(): void;
}

/**
 * The page's streams and stores, created once per signed-in workspace. The transport follows the
 * protocol the page arrived over; `?transport=` overrides it. The streams for `symbol` open at once,
 * so their snapshots arrive while React is still mounting the panels.
 */
export function createWorkspaceRuntime(symbol: string, location: Pick<Location, 'search'> = window.location): WorkspaceRuntime {
  const protocol = pageProtocol();
  const hub = new StreamHub({
    transport: chooseTransport(protocol, new URLSearchParams(location.search).get('transport')),
    protocol,
    createSource: (url) => new EventSource(url, { withCredentials: true }),
    checkSession,
  });
  const { stores, dispose } = createWorkspaceStores(hub, (gapSymbol) => void resyncHeatmap(stores, gapSymbol));
  const whatIf = new WhatIfStore();
  const disconnectRiskBook = connectRiskBook(hub, whatIf);
  hub.setPlan(workspaceStreams(symbol));
  return {
    hub,
    stores,
    whatIf,
    dispose: () => {
      dispose();
      disconnectRiskBook();
      hub.close();
    },
  };
}

/** A diff arrived out of order: take the producer's latest full snapshot over REST. */
async function resyncHeatmap(stores: WorkspaceStores, symbol: string): Promise<void> {
  try {
    const { items } = await getJson(`/api/models/heatmap/${encodeURIComponent(symbol)}`, (b) => modelSnapshotSchema.parse(b));
    for (const item of items) {
      const parsed = parseEvent(item);
      if (parsed.ok && parsed.event.topic === 'heatmap') stores.heatmap.apply({ ...parsed.event.data, kind: 'snapshot' });
    }
  } catch (error) {
    console.warn(`heatmap resync for ${symbol} failed; the next gap asks again`, error);
  } finally {
    stores.heatmap.endResync(symbol);
  }
}
