import { createContext, useContext } from 'react';
import type { StreamHub } from '../stream/stream-hub';
import type { WorkspaceStores } from '../stores/workspace-stores';
import type { WhatIfStore } from '../risk/what-if-store';
import type { UserSettings } from '@marketswarm/shared/dto';
import type { WorkspaceCommands } from './workspace-commands';

export interface Workspace {
  hub: StreamHub;
  stores: WorkspaceStores;
  /** Positions the trader is trying out (tile clicks, selector ideas). */
  whatIf: WhatIfStore;
  /** The symbol the heatmap, GEX, candles and risk graph follow. */
  symbol: string;
  setSymbol: (symbol: string) => void;
  /** Keyboard shortcuts reach panels through these (see workspace-commands.ts). */
  commands: WorkspaceCommands;
  /** The trader's display settings (time zone, theme, number locale), from the profile. */
  settings: UserSettings;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() outside <WorkspaceProvider>');
  return workspace;
}
