import { describe, expect, it } from 'vitest';
import { createWorkspaceCommands } from '../../workspace/workspace-commands';
import { registerRiskCommands } from './risk-commands';

describe('registerRiskCommands', () => {
  it('answers the zoom and table shortcuts while registered, and no longer after', () => {
    const commands = createWorkspaceCommands();
    const calls: string[] = [];
    const off = registerRiskCommands(commands, {
      zoomIn: () => calls.push('in'),
      zoomOut: () => calls.push('out'),
      zoomReset: () => calls.push('reset'),
      toggleTable: () => calls.push('table'),
    });
    expect(commands.run('risk.zoom-in')).toBe(true);
    commands.run('risk.zoom-out');
    commands.run('risk.zoom-reset');
    commands.run('risk.toggle-table');
    expect(calls).toEqual(['in', 'out', 'reset', 'table']);
    off();
    expect(commands.run('risk.zoom-in')).toBe(false);
    expect(commands.run('risk.toggle-table')).toBe(false);
  });
});
