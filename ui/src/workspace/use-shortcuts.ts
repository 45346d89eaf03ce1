import { useEffect, useRef } from 'react';
import { isTypingTarget, matchShortcut, steppedSymbol, type ShortcutAction } from './keymap';
import type { PanelId } from './panel-guide';
import type { WorkspaceCommands } from './workspace-commands';

/** How long after `g` the panel key is awaited. */
const SEQUENCE_MS = 1500;

export interface ShortcutTargets {
  commands: WorkspaceCommands;
  /** The header's symbols, in chip order, when the key is pressed. */
  symbols: () => readonly string[];
  symbol: string;
  setSymbol: (symbol: string) => void;
  focusPanel: (id: PanelId) => void;
  openHelp: () => void;
}

/**
 * The workspace's keyboard shortcuts (keymap.ts) on the document, except while the trader types
 * in a field or a dialog is open (it has its own keys).
 */
export function useShortcuts(targets: ShortcutTargets): void {
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    let pending: { key: 'g'; at: number } | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (isTypingTarget(target) || target?.closest('dialog') || document.querySelector('dialog[open]')) return;
      const awaiting = pending !== undefined && event.timeStamp - pending.at < SEQUENCE_MS ? pending.key : undefined;
      pending = undefined;
      const action = matchShortcut(event, awaiting);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'await-panel') pending = { key: 'g', at: event.timeStamp };
      else run(action, latest.current);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function run(action: Exclude<ShortcutAction, { kind: 'await-panel' }>, t: ShortcutTargets): void {
  switch (action.kind) {
    case 'command':
      t.commands.run(action.command);
      return;
    case 'symbol-at': {
      const symbol = t.symbols()[action.index];
      if (symbol !== undefined) t.setSymbol(symbol);
      return;
    }
    case 'symbol-step': {
      const symbol = steppedSymbol(t.symbols(), t.symbol, action.step);
      if (symbol !== undefined) t.setSymbol(symbol);
      return;
    }
    case 'focus-panel':
      t.focusPanel(action.panel);
      return;
    case 'help':
      t.openHelp();
      return;
  }
}
