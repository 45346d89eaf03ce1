import type { WorkspaceCommands } from '../../workspace/workspace-commands';

export interface RiskCommandHandlers {
  zoomIn: () => void;
  zoomOut: () => void;
  zoomReset: () => void;
  toggleTable: () => void;
}

/** The risk graph's answers to the keyboard shortcuts; returns their unregistration (a useEffect cleanup). */
export function registerRiskCommands(commands: WorkspaceCommands, h: RiskCommandHandlers): () => void {
  const offs = [
    commands.on('risk.zoom-in', h.zoomIn),
    commands.on('risk.zoom-out', h.zoomOut),
    commands.on('risk.zoom-reset', h.zoomReset),
    commands.on('risk.toggle-table', h.toggleTable),
  ];
  return () => offs.forEach((off) => off());
}
