import { useEffect, useId, useRef } from 'react';
import { ShortcutsList } from './ShortcutsList';
import './shortcuts.css';

/**
 * The `?` dialog: a native modal <dialog>, so the page behind is inert (focus stays inside),
 * Escape closes it and focus returns to where it was.
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts-dialog" data-testid="shortcuts-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="shortcuts-dialog-header">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} aria-label="Close the keyboard shortcuts">
          Close
        </button>
      </header>
      <ShortcutsList />
    </dialog>
  );
}
