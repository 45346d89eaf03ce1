/**
 * Commands a keyboard shortcut (or a menu) sends to whichever panel handles them, so the shortcut
 * layer knows no panel's internals and a panel that is not on screen simply does not answer.
 */
export type WorkspaceCommand =
  | 'risk.zoom-in'
  | 'risk.zoom-out'
  | 'risk.zoom-reset'
  | 'risk.toggle-table'
  | 'heatmap.add-focused'
  | 'heatmap.focus-atm'
  | 'alerts.open';

type Handler = () => void;

export interface WorkspaceCommands {
  /** Runs the command's handlers; false when no panel handles it right now. */
  run(command: WorkspaceCommand): boolean;
  /** Registers a handler; returns its unregistration (for a useEffect cleanup). */
  on(command: WorkspaceCommand, handler: Handler): () => void;
}

export function createWorkspaceCommands(): WorkspaceCommands {
  const handlers = new Map<WorkspaceCommand, Set<Handler>>();
  return {
    run(command) {
      const set = handlers.get(command);
      if (set === undefined || set.size === 0) return false;
      for (const handler of [...set]) handler();
      return true;
    },
    on(command, handler) {
      let set = handlers.get(command);
      if (set === undefined) handlers.set(command, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },
  };
}
