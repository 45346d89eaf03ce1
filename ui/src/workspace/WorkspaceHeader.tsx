import type { UserDto } from '@marketswarm/shared/dto';
import { AlertsBell } from '../panels/alerts/AlertsToasts';
import { AppNav } from '../shell/AppNav';
import type { StreamHub } from '../stream/stream-hub';
import { ConnectionPulse } from './ConnectionPulse';
import { CopilotTools } from './CopilotTools';
import type { LayoutMode } from './layout-mode';
import { ModeBadge } from './ModeBadge';
import { SpotStrip } from './SpotStrip';
import { FoldedUserMenu, UserMenu } from './UserMenu';

export interface WorkspaceHeaderProps {
  user: UserDto;
  hub: StreamHub;
  symbol: string;
  mode: LayoutMode;
  onShortcuts: () => void;
}

/**
 * Two rows. The top bar: brand, navigation, the copilot's tools and the trader's menu (on a phone
 * the tools fold into the trader's menu). The ticker bar below: every watched symbol's price and
 * change across the full width, so all six fit from 1280 px without scrolling (a phone scrolls them
 * sideways), with the symbol's market mode and the connection's pulse at its end.
 */
export function WorkspaceHeader({ user, hub, symbol, mode, onShortcuts }: WorkspaceHeaderProps) {
  const beforeSignOut = () => hub.close();
  return (
    <header className="workspace-header" data-testid="workspace-header">
      <div className="header-bar">
        <h1 className="brand">
          MarketSwarm<span className="visually-hidden"> workspace — {symbol}</span>
        </h1>
        <AppNav compact role={user.role} />
        {mode === 'grid' && <CopilotTools />}
        <span className="header-spacer" />
        <AlertsBell />
        {mode === 'grid' ? <UserMenu user={user} beforeSignOut={beforeSignOut} onShortcuts={onShortcuts} /> : <FoldedUserMenu user={user} beforeSignOut={beforeSignOut} onShortcuts={onShortcuts} />}
      </div>
      <div className="ticker-bar" data-testid="ticker-bar">
        <SpotStrip />
        <ModeBadge />
        <ConnectionPulse hub={hub} />
      </div>
    </header>
  );
}
