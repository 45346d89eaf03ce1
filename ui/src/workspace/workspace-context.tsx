import { createContext, useContext } from 'react';
import type { StreamHub } from '../stream/stream-hub';
import type { WorkspaceStores } from '../stores/workspace-stores';
import type { WhatIfStore } from '../risk/what-if-store';

export interface Workspace {
  hub: StreamHub;
  stores: WorkspaceStores;
  /** Positions the trader is trying out (tile clicks, selector ideas). */
  whatIf: WhatIfStore;
  /** The symbol the heatmap, GEX, candles and risk graph follow. */
  symbol: string;
  setSymbol: (symbol: string) => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() outside <WorkspaceProvider>');
  return workspace;
}
