// Small inline SVG icons (decorative: the text next to them carries the meaning).

export function PorticoMark({ size = 28 }: { size?: number }) {
  return (
    <svg class="mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 25V14.5a8 8 0 0 1 16 0V25h-4.5V14.5a3.5 3.5 0 0 0-7 0V25Z" fill="#fff" />
    </svg>
  );
}

export function ImageIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5Zm2 .5v9.6l3.3-3.3a1 1 0 0 1 1.4 0l2.3 2.3 1.3-1.3a1 1 0 0 1 1.4 0l2.3 2.3V6Zm9 3.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z" />
    </svg>
  );
}

export function MailIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 6.5A1.5 1.5 0 0 1 5.5 5h13A1.5 1.5 0 0 1 20 6.5v11a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 17.5Zm2 .9V17h12V7.4l-5.4 4.3a1 1 0 0 1-1.2 0Zm1.3-.4L12 10.7 16.7 7Z" />
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M8 3h2v2h4V3h2v2h2.5A1.5 1.5 0 0 1 20 6.5v12a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-12A1.5 1.5 0 0 1 5.5 5H8Zm-2 7v8h12v-8Z" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18Zm0 2a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm1 2v4.6l3.2 3.2-1.4 1.4L11 12.4V7Z" />
    </svg>
  );
}

export function PhotosIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M7 3h12.5A1.5 1.5 0 0 1 21 4.5V17h-2V5H7Zm-3.5 4h12A1.5 1.5 0 0 1 17 8.5v11a1.5 1.5 0 0 1-1.5 1.5h-12A1.5 1.5 0 0 1 2 19.5v-11A1.5 1.5 0 0 1 3.5 7ZM4 9v7.6l2.8-2.8a1 1 0 0 1 1.4 0l1.8 1.8 1-1a1 1 0 0 1 1.4 0L15 17V9Z" />
    </svg>
  );
}

export function ArrowIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="m13.3 5.3 6.7 6.7-6.7 6.7-1.4-1.4 4.3-4.3H4v-2h12.2l-4.3-4.3Z" />
    </svg>
  );
}

export function EyeIcon({ off }: { off?: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      {off ? (
        <path d="m4.7 3.3 16 16-1.4 1.4-2.9-2.9A10 10 0 0 1 2 12a10.9 10.9 0 0 1 3.9-4.7L3.3 4.7Zm2.7 5.5A8.8 8.8 0 0 0 4.2 12 8 8 0 0 0 12 17a7.6 7.6 0 0 0 2.9-.6l-1.6-1.6A3 3 0 0 1 9.2 10.7ZM12 5a10 10 0 0 1 10 7 10.6 10.6 0 0 1-2.7 4.1l-1.4-1.4a8.3 8.3 0 0 0 1.9-2.7A8 8 0 0 0 12 7a7.7 7.7 0 0 0-1.8.2L8.5 5.5A10 10 0 0 1 12 5Z" />
      ) : (
        <path d="M12 5a10 10 0 0 1 10 7 10 10 0 0 1-20 0 10 10 0 0 1 10-7Zm0 2a8 8 0 0 0-7.8 5 8 8 0 0 0 15.6 0A8 8 0 0 0 12 7Zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6Z" />
      )}
    </svg>
  );
}
