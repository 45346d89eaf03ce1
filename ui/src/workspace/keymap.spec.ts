import { describe, expect, it } from 'vitest';
import { isTypingTarget, KEY_MAP, matchShortcut, steppedSymbol, type KeyPress } from './keymap';
import { PANEL_GUIDE } from './panel-guide';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('matchShortcut', () => {
  it('switches to the nth symbol of the header with the digits 1 to 6', () => {
    expect(matchShortcut(press('1'), undefined)).toEqual({ kind: 'symbol-at', index: 0 });
    expect(matchShortcut(press('6'), undefined)).toEqual({ kind: 'symbol-at', index: 5 });
    expect(matchShortcut(press('7'), undefined)).toBeUndefined();
  });

  it('steps through the symbols with [ and ]', () => {
    expect(matchShortcut(press('['), undefined)).toEqual({ kind: 'symbol-step', step: -1 });
    expect(matchShortcut(press(']'), undefined)).toEqual({ kind: 'symbol-step', step: 1 });
  });

  it('sends the risk graph, heatmap and alerts commands', () => {
    expect(matchShortcut(press('+'), undefined)).toEqual({ kind: 'command', command: 'risk.zoom-in' });
    expect(matchShortcut(press('='), undefined)).toEqual({ kind: 'command', command: 'risk.zoom-in' });
    expect(matchShortcut(press('-'), undefined)).toEqual({ kind: 'command', command: 'risk.zoom-out' });
    expect(matchShortcut(press('0'), undefined)).toEqual({ kind: 'command', command: 'risk.zoom-reset' });
    expect(matchShortcut(press('t'), undefined)).toEqual({ kind: 'command', command: 'risk.toggle-table' });
    expect(matchShortcut(press('a'), undefined)).toEqual({ kind: 'command', command: 'heatmap.add-focused' });
    expect(matchShortcut(press('b'), undefined)).toEqual({ kind: 'command', command: 'alerts.open' });
    expect(matchShortcut(press('?'), undefined)).toEqual({ kind: 'help' });
  });

  it('goes to a panel with g followed by the panel’s key, and only after g', () => {
    expect(matchShortcut(press('g'), undefined)).toEqual({ kind: 'await-panel' });
    expect(matchShortcut(press('r'), 'g')).toEqual({ kind: 'focus-panel', panel: 'risk' });
    expect(matchShortcut(press('h'), 'g')).toEqual({ kind: 'focus-panel', panel: 'heatmap' });
    expect(matchShortcut(press('r'), undefined)).toBeUndefined();
    // A key without a sequence meaning ends the sequence rather than running its single-key command.
    expect(matchShortcut(press('t'), 'g')).toBeUndefined();
  });

  it('leaves every press with Ctrl, ⌘ or Alt to the browser', () => {
    expect(matchShortcut(press('1', { ctrlKey: true }), undefined)).toBeUndefined();
    expect(matchShortcut(press('t', { metaKey: true }), undefined)).toBeUndefined();
    expect(matchShortcut(press('b', { altKey: true }), undefined)).toBeUndefined();
  });

  it('gives each panel its own key and each key one meaning', () => {
    const panelKeys = PANEL_GUIDE.map((p) => p.key);
    expect(new Set(panelKeys).size).toBe(panelKeys.length);
    const single = KEY_MAP.filter((b) => b.after === undefined).flatMap((b) => b.keys);
    expect(new Set(single).size).toBe(single.length);
  });
});

describe('isTypingTarget', () => {
  it('treats fields, selects and rich-text editors as typing, and the rest as not', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('steppedSymbol', () => {
  const symbols = ['NDX', 'QQQ', 'SPX'];
  it('wraps around the list both ways', () => {
    expect(steppedSymbol(symbols, 'SPX', 1)).toBe('NDX');
    expect(steppedSymbol(symbols, 'NDX', -1)).toBe('SPX');
    expect(steppedSymbol(symbols, 'QQQ', 1)).toBe('SPX');
  });

  it('starts at an end when the current symbol is not listed, and has nothing to step to in an empty list', () => {
    expect(steppedSymbol(symbols, 'VIX', 1)).toBe('NDX');
    expect(steppedSymbol(symbols, 'VIX', -1)).toBe('SPX');
    expect(steppedSymbol([], 'SPX', 1)).toBeUndefined();
  });
});
