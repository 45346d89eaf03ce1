import { WhatIfStore } from '../../risk/what-if-store';
import { createWorkspaceStores } from '../../stores/workspace-stores';
import { StreamHub } from '../../stream/stream-hub';
import { DEFAULT_USER_SETTINGS } from '@marketswarm/shared/dto';
import type { Workspace } from '../workspace-context';
import { createWorkspaceCommands } from '../workspace-commands';

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
  return { hub, stores, whatIf: new WhatIfStore(), symbol, setSymbol, commands: createWorkspaceCommands(), settings: { ...DEFAULT_USER_SETTINGS } };
}
