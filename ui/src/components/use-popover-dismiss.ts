import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export interface PopoverDismiss {
  /** The element holding the toggle button and the popover: a press inside it keeps it open. */
  rootRef: RefObject<HTMLDivElement | null>;
  /** The toggle button, which gets the focus back after Escape. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** For the root's `onKeyDown`: Escape closes an open popover (and is not passed on to the toasts). */
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/** How a header popover (the alerts bell, the MEL detail) closes: a press anywhere else, or Escape. */
export function usePopoverDismiss(open: boolean, onClose: () => void): PopoverDismiss {
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent): void => {
      if (e.target instanceof Node && rootRef.current?.contains(e.target)) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    onClose();
    buttonRef.current?.focus();
  };

  return { rootRef, buttonRef, onKeyDown };
}
