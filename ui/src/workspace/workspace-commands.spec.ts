import { describe, expect, it, vi } from 'vitest';
import { createWorkspaceCommands } from './workspace-commands';

describe('createWorkspaceCommands', () => {
  it('runs the handlers registered for a command and says whether any answered', () => {
    const commands = createWorkspaceCommands();
    const zoom = vi.fn();
    const off = commands.on('risk.zoom-in', zoom);
    expect(commands.run('risk.zoom-in')).toBe(true);
    expect(zoom).toHaveBeenCalledTimes(1);
    off();
    expect(commands.run('risk.zoom-in')).toBe(false);
    expect(commands.run('alerts.open')).toBe(false);
  });
});
