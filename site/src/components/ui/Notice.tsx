import type { ComponentChildren } from 'preact';

interface NoticeProps {
  /** 'status' is polite (results, confirmations); 'alert' interrupts (errors). */
  role: 'status' | 'alert';
  tone?: 'success' | 'error' | 'info';
  children?: ComponentChildren;
  class?: string;
}

/**
 * A live region that is always in the page (empty when there is nothing to say), so screen
 * readers announce what appears in it.
 */
export function Notice({ role, tone = role === 'alert' ? 'error' : 'success', children, class: extra }: NoticeProps) {
  const empty = children === undefined || children === null || children === false || children === '';
  return (
    <div role={role} aria-live={role === 'alert' ? 'assertive' : 'polite'} class={`live${extra ? ` ${extra}` : ''}`}>
      {!empty && (
        <div class={`notice notice--${tone}`}>
          <svg class="icon notice__icon" viewBox="0 0 16 16" aria-hidden="true">
            {tone === 'success' ? (
              <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-1 9.56L4.22 8.28l1.06-1.06L7 8.94l3.72-3.72 1.06 1.06L7 11.06Z" />
            ) : (
              <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm.75 9.75h-1.5v-1.5h1.5v1.5Zm0-3h-1.5v-4h1.5v4Z" />
            )}
          </svg>
          <div class="notice__body">{children}</div>
        </div>
      )}
    </div>
  );
}
