import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { placeholderUrl } from '../../lib/placeholder.ts';
import { useModal } from '../ui/Dialog.tsx';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from '../ui/GalleryIcons.tsx';

export interface LightboxPhoto {
  imageId: string;
  fileName: string;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  thumbUrl: string;
  previewUrl: string;
}

interface LightboxProps<T extends LightboxPhoto> {
  items: readonly T[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  /** Buttons for the current photo (favourite, select, comment, download). */
  actions?: (item: T) => ComponentChildren;
  /** A side panel (comments), shown beside the photo or over its lower half on phones. */
  panel?: ComponentChildren;
  /** Extra keys (F, S): return true when handled. */
  onKey?: (key: string, item: T) => boolean;
  /** Esc closes this first, when given (an open panel). */
  onEscape?: () => boolean;
  /** Live messages (errors) must be inside the dialog: the page behind it is inert. */
  messages?: ComponentChildren;
}

const SWIPE = 50;

/**
 * Full-screen photo viewer: a modal dialog (page behind inert, focus kept inside and restored by the
 * caller), ←/→ and swipe to move, Esc to close. The preview loads over the already-cached
 * thumbnail, and the neighbours' previews are fetched ahead.
 */
export function Lightbox<T extends LightboxPhoto>({
  items,
  index,
  onIndex,
  onClose,
  actions,
  panel,
  onKey,
  onEscape,
  messages,
}: LightboxProps<T>) {
  const ref = useRef<HTMLDialogElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const item = items[index];
  const state = useRef({ index, count: items.length, item, onIndex, onClose, onKey, onEscape });
  state.current = { index, count: items.length, item, onIndex, onClose, onKey, onEscape };
  useModal(
    ref,
    () => (state.current.onEscape?.() ? undefined : state.current.onClose()),
    () => ref.current?.querySelector<HTMLElement>('.lightbox__close') ?? null,
  );

  const go = (delta: number) => {
    const { index: i, count } = state.current;
    const next = i + delta;
    if (next >= 0 && next < count) state.current.onIndex(next);
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const keydown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (!state.current.onEscape?.()) state.current.onClose();
        return;
      }
      // Typing a comment: letters and arrows belong to the text field.
      if (target.closest('input, textarea, select, [contenteditable="true"]') || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowLeft') {
        e.preventDefault();
        go(-1);
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        go(1);
      } else if (state.current.item && state.current.onKey?.(e.key.toLowerCase(), state.current.item)) {
        e.preventDefault();
      }
    };
    dialog.addEventListener('keydown', keydown);
    return () => dialog.removeEventListener('keydown', keydown);
  }, []);

  // The page behind stays put (no scroll chaining from the viewer on touch screens; with a mouse,
  // hiding the scroll bar would reflow the grid behind, and closing scrolls to the photo anyway).
  useEffect(() => {
    if (!matchMedia('(pointer: coarse)').matches) return;
    const root = document.documentElement;
    const was = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = was;
    };
  }, []);

  // Neighbours' previews load ahead, so the next photo is there when the finger lifts.
  useEffect(() => {
    for (const j of [index + 1, index - 1, index + 2]) {
      const next = items[j];
      if (next) new Image().src = next.previewUrl;
    }
  }, [index, items]);

  // Swipe: the photo follows the finger, then moves on or springs back.
  const touch = useRef<{ x: number; y: number; dx: number; horizontal: boolean | null } | null>(null);
  const onTouchStart = (e: TouchEvent) => {
    const t = e.touches[0];
    touch.current = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY, dx: 0, horizontal: null } : null;
  };
  const onTouchMove = (e: TouchEvent) => {
    const s = touch.current;
    const t = e.touches[0];
    if (!s || !t || e.touches.length !== 1) return;
    const dx = t.clientX - s.x;
    const dy = t.clientY - s.y;
    if (s.horizontal === null && Math.abs(dx) + Math.abs(dy) > 8) s.horizontal = Math.abs(dx) > Math.abs(dy);
    if (!s.horizontal) return;
    s.dx = dx;
    if (imgRef.current) {
      imgRef.current.style.transition = 'none';
      imgRef.current.style.transform = `translateX(${dx}px)`;
    }
  };
  const onTouchEnd = () => {
    const s = touch.current;
    touch.current = null;
    if (imgRef.current) {
      imgRef.current.style.transition = '';
      imgRef.current.style.transform = '';
    }
    if (!s?.horizontal) return;
    if (s.dx <= -SWIPE) go(1);
    else if (s.dx >= SWIPE) go(-1);
  };

  if (!item) return null;
  const ph = placeholderUrl(item.placeholder);
  const background = [`url("${item.thumbUrl}")`, ph ? `url("${ph}")` : ''].filter(Boolean).join(', ');
  return (
    <dialog ref={ref} class={`lightbox${panel ? ' lightbox--panel' : ''}`} aria-label={`Photo viewer: ${item.fileName}`} aria-modal="true">
      <div class="lightbox__bar">
        <p class="lightbox__where" aria-live="polite">
          <span class="lightbox__count">
            {index + 1} / {items.length}
          </span>
          <span class="lightbox__name">{item.fileName}</span>
        </p>
        <button type="button" class="icon-button icon-button--dark lightbox__close" onClick={onClose} aria-label="Close viewer">
          <CloseIcon />
        </button>
      </div>
      <div class="lightbox__body">
        <div
          class="lightbox__stage"
          onTouchStart={onTouchStart}
          onTouchMove={onTouchMove}
          onTouchEnd={onTouchEnd}
          onTouchCancel={onTouchEnd}
        >
          <img
            key={item.imageId}
            ref={imgRef}
            class="lightbox__img"
            src={item.previewUrl}
            alt={item.fileName}
            width={item.width ?? undefined}
            height={item.height ?? undefined}
            decoding="async"
            draggable={false}
            style={{ backgroundImage: background }}
          />
          <button
            type="button"
            class="lightbox__nav lightbox__nav--prev"
            onClick={() => go(-1)}
            disabled={index === 0}
            aria-label="Previous photo"
          >
            <ChevronLeftIcon />
          </button>
          <button
            type="button"
            class="lightbox__nav lightbox__nav--next"
            onClick={() => go(1)}
            disabled={index === items.length - 1}
            aria-label="Next photo"
          >
            <ChevronRightIcon />
          </button>
        </div>
        {panel}
      </div>
      {actions && <div class="lightbox__toolbar">{actions(item)}</div>}
      {messages}
    </dialog>
  );
}
