/** What a region shows while its data loads: a quiet skeleton, and words for screen readers. */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} class="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}
