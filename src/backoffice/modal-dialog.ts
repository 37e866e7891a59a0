import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A <dialog> shown modal while it is mounted (the keyboard stays in it), closed when it goes;
 * Escape cancels it unless its work is under way.
 */
export function useModalDialog(onCancel: () => void, busy: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const cancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (!busy) onCancel();
  };
  return { ref: dialog, onCancel: cancel };
}
