export type BadgeTone = 'accent' | 'success' | 'neutral' | 'warning' | 'danger' | 'info';

export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return (
    <span class={`badge badge--${tone}`}>
      <span class="badge__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
