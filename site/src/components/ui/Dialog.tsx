import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CloseIcon } from './GalleryIcons.tsx';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element that had the focus when a dialog opened gets it back when it closes (if still there). */
export function useModal(ref: { current: HTMLDialogElement | null }, onClose: () => void, initialFocus?: () => HTMLElement | null) {
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.() ?? dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const cancel = (e: Event) => {
      // Esc: the page decides (it may close an inner panel first), never the browser alone.
      e.preventDefault();
      closeRef.current();
    };
    // showModal() makes the page behind inert; this also keeps Tab cycling inside the dialog
    // instead of leaving for the browser's toolbar.
    const trap = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null || el === document.activeElement,
      );
      if (!items.length) return;
      const first = items[0] as HTMLElement;
      const last = items[items.length - 1] as HTMLElement;
      if (e.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('keydown', trap);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('keydown', trap);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
}

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Buttons at the bottom. */
  actions?: ComponentChildren;
  class?: string;
  /** A role="alertdialog" (confirmations of consequential actions). */
  alert?: boolean;
  describedBy?: string;
}

/** A modal dialog, open while mounted: labelled by its title, focus kept inside and given back on close. */
export function Dialog({ title, onClose, children, actions, class: extra, alert, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, onClose);
  const titleId = useRef(`dialog-${Math.random().toString(36).slice(2, 9)}`).current;
  return (
    <dialog
      ref={ref}
      class={`modal${extra ? ` ${extra}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      role={alert ? 'alertdialog' : undefined}
      aria-modal="true"
    >
      <div class="modal__head">
        <h2 class="modal__title" id={titleId}>
          {title}
        </h2>
        <button type="button" class="icon-button" onClick={onClose} aria-label="Close">
          <CloseIcon />
        </button>
      </div>
      <div class="modal__body">{children}</div>
      {actions && <div class="modal__actions">{actions}</div>}
    </dialog>
  );
}
