import { PANEL_GUIDE, type PanelId } from './panel-guide';
import type { WorkspaceCommand } from './workspace-commands';

/**
 * The workspace's keyboard shortcuts, as data: the `?` dialog and the help page list them from this
 * table, and `matchShortcut` answers from it, so what is listed is what works. Single keys without
 * a modifier, so they never shadow the browser's own shortcuts; they are ignored while the trader
 * types in a field (see isTypingTarget).
 */
export type ShortcutAction =
  | { kind: 'command'; command: WorkspaceCommand }
  /** 0-based position of the chip in the header. */
  | { kind: 'symbol-at'; index: number }
  | { kind: 'symbol-step'; step: -1 | 1 }
  | { kind: 'focus-panel'; panel: PanelId }
  | { kind: 'help' }
  /** `g` was pressed: the next key names a panel. */
  | { kind: 'await-panel' };

export type ShortcutGroup = 'Symbols' | 'Panels' | 'Risk graph' | 'Heatmap' | 'General';

export interface Binding {
  /** `KeyboardEvent.key` values that each trigger the binding. */
  keys: readonly string[];
  /** Pressed first, for a two-key sequence. */
  after?: 'g';
  /** How the dialog writes the keys, when not simply the first one. */
  label?: string;
  description: string;
  group: ShortcutGroup;
  action: (key: string) => ShortcutAction;
}

const SYMBOL_KEYS = ['1', '2', '3', '4', '5', '6'] as const;
const command = (c: WorkspaceCommand) => (): ShortcutAction => ({ kind: 'command', command: c });

export const KEY_MAP: readonly Binding[] = [
  { keys: SYMBOL_KEYS, label: '1–6', description: 'Watch the 1st to 6th symbol of the header', group: 'Symbols', action: (key) => ({ kind: 'symbol-at', index: Number(key) - 1 }) },
  { keys: ['['], description: 'Previous symbol', group: 'Symbols', action: () => ({ kind: 'symbol-step', step: -1 }) },
  { keys: [']'], description: 'Next symbol', group: 'Symbols', action: () => ({ kind: 'symbol-step', step: 1 }) },
  { keys: ['g'], description: 'Then a panel’s key: go to that panel', label: 'g', group: 'Panels', action: () => ({ kind: 'await-panel' }) },
  ...PANEL_GUIDE.map(
    (panel): Binding => ({ keys: [panel.key], after: 'g', label: `g ${panel.key}`, description: `Go to ${panel.title}`, group: 'Panels', action: () => ({ kind: 'focus-panel', panel: panel.id }) }),
  ),
  { keys: ['+', '='], label: '+', description: 'Zoom the risk graph in', group: 'Risk graph', action: command('risk.zoom-in') },
  { keys: ['-', '_'], label: '−', description: 'Zoom the risk graph out', group: 'Risk graph', action: command('risk.zoom-out') },
  { keys: ['0'], description: 'Reset the risk graph’s zoom to fit the positions', group: 'Risk graph', action: command('risk.zoom-reset') },
  { keys: ['t'], description: 'Switch the risk graph between chart and P&L table', group: 'Risk graph', action: command('risk.toggle-table') },
  { keys: ['a'], description: 'Add the focused heatmap tile to the risk graph', group: 'Heatmap', action: command('heatmap.add-focused') },
  { keys: ['s'], description: 'Move the heatmap’s focus to the money', group: 'Heatmap', action: command('heatmap.focus-atm') },
  { keys: ['b'], description: 'Open the recent alerts', group: 'General', action: command('alerts.open') },
  { keys: ['?'], description: 'Show these shortcuts', group: 'General', action: () => ({ kind: 'help' }) },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Symbols', 'Panels', 'Risk graph', 'Heatmap', 'General'];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The action a key press asks for; `pending` is the first key of a sequence pressed just before.
 * Undefined for anything not in the map, and for any press with Ctrl, ⌘ or Alt (the browser's and
 * the system's). Shift is allowed: `?` and `+` need it on most layouts.
 */
export function matchShortcut(press: KeyPress, pending: 'g' | undefined): ShortcutAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const binding = KEY_MAP.find((b) => b.after === pending && b.keys.includes(press.key));
  return binding?.action(press.key);
}

/** Where a key press is text, not a command: fields, menus of a select, rich-text editors. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable === true) return true;
  const tag = target.tagName?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** The symbol a step from `current` lands on, wrapping around the header's list. */
export function steppedSymbol(symbols: readonly string[], current: string, step: -1 | 1): string | undefined {
  if (symbols.length === 0) return undefined;
  const at = symbols.indexOf(current);
  if (at < 0) return symbols[step === 1 ? 0 : symbols.length - 1];
  return symbols[(at + step + symbols.length) % symbols.length];
}
