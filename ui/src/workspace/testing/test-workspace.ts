import { WhatIfStore } from '../../risk/what-if-store';
import { createWorkspaceStores } from '../../stores/workspace-stores';
import { StreamHub } from '../../stream/stream-hub';
import type { Workspace } from '../workspace-context';

/**
 * A workspace with real stores and a hub that never opens a stream (no plan is set), for rendering
 * panels with react-dom/server in unit specs: fill the stores, render, read the markup.
 */
export function testWorkspace(symbol = 'SPX', setSymbol: (symbol: string) => void = () => undefined): Workspace {
  const hub = new StreamHub({
    transport: 'per-stream',
    protocol: undefined,
    createSource: () => {
      throw new Error('unit tests open no streams');
    },
    checkSession: () => Promise.resolve('ok'),
  });
  const { stores } = createWorkspaceStores(hub, () => undefined);
  return { hub, stores, whatIf: new WhatIfStore(), symbol, setSymbol };
}
