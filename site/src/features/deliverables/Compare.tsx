// Two versions side by side (stacked on a phone), each with its label and its own pins.
import type { Comment, Version } from './api.ts';
import { versionLabel } from './labels.ts';
import { VersionPreview } from './Preview.tsx';

export const threadsOf = (comments: Comment[], version: number) =>
  comments.filter((c) => c.version === version && c.parentId === null).map((comment, i) => ({ comment, n: i + 1 }));

export function Compare({ left, right, comments }: { left: Version; right: Version; comments: Comment[] }) {
  return (
    <section class="deliverable-compare" aria-label={`Compare version ${left.version} with version ${right.version}`}>
      {[left, right].map((v) => (
        <figure key={v.version} class="deliverable-compare__side" aria-label={versionLabel(v)}>
          <figcaption class="deliverable-compare__label">{versionLabel(v)}</figcaption>
          <VersionPreview version={v} threads={threadsOf(comments, v.version)} />
        </figure>
      ))}
    </section>
  );
}
