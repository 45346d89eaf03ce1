import { useCallback, useId, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { UserDto } from '@marketswarm/shared/dto';
import { SignOutButton } from '../shell/SignOutButton';
import { usePopoverDismiss } from '../components/use-popover-dismiss';
import { CopilotTools } from './CopilotTools';

export interface UserMenuProps {
  user: UserDto;
  /** Closes what the page holds open (the streams) before the session is cleared. */
  beforeSignOut: () => void;
  onShortcuts: () => void;
}

/** On a wide screen: the shortcuts, the trader's name (to the settings), and sign-out, in a row. */
export function UserMenu({ user, beforeSignOut, onShortcuts }: UserMenuProps) {
  return (
    <div className="user-menu">
      <button type="button" className="shortcuts-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-keyshortcuts="?" onClick={onShortcuts}>
        ?
      </button>
      <Link to="/settings" className="user-name" data-testid="user-name" title={`Settings for ${user.email}`}>
        {user.displayName}
      </Link>
      <SignOutButton beforeClear={beforeSignOut} />
    </div>
  );
}

/**
 * On a phone the header keeps one row: the trader's name opens a menu holding what a wide screen
 * shows in the header — the copilot's model integrity and export, the shortcuts, the settings and
 * sign-out. The copilot's feed connects only while the menu is open, which a phone is glad of.
 */
export function FoldedUserMenu({ user, beforeSignOut, onShortcuts }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const { rootRef, buttonRef, onKeyDown } = usePopoverDismiss(open, close);
  const popupId = useId();
  // The MEL detail inside closes itself on Escape first; this menu waits for the next one.
  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.defaultPrevented) onKeyDown(e);
  };
  return (
    <div className="user-menu user-menu-folded" ref={rootRef} onKeyDown={onMenuKeyDown} data-testid="user-menu">
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        data-testid="user-menu-button"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        title={`Account and tools for ${user.email}`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="user-menu-name">{user.displayName}</span>
        <span className="visually-hidden">: model integrity, export, shortcuts, settings and sign-out</span>
      </button>
      {open && (
        <div id={popupId} className="user-menu-popup" data-testid="user-menu-popup" role="group" aria-label="Account and tools">
          <div className="user-menu-tools">
            <CopilotTools />
          </div>
          <div className="user-menu-account">
            <button
              type="button"
              className="user-menu-item"
              aria-keyshortcuts="?"
              onClick={() => {
                close();
                onShortcuts();
              }}
            >
              Keyboard shortcuts
            </button>
            <Link to="/settings" className="user-menu-item" data-testid="user-name">
              Settings
            </Link>
            <SignOutButton beforeClear={beforeSignOut} />
          </div>
        </div>
      )}
    </div>
  );
}
