// One version's preview: image and PDF pages inline (scrollable, full width on a phone), a video
// in the browser's own player with its poster, or why there is none with a download. A click on a
// page pins a point; on a video, the current time.
import { useRef } from 'preact/hooks';
import type { Comment, Pin, Version } from './api.ts';

export function VersionPreview({
  version,
  comments,
  onPin,
  onDownload,
}: {
  version: Version;
  comments: Comment[];
  onPin?: (pin: Pin) => void;
  onDownload?: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const p = version.preview;
  if (version.status === 'uploading' || version.status === 'processing') return <p class="muted">Preparing the preview…</p>;
  if (version.status === 'failed') return <p class="notice notice--error">Upload failed: {version.failureReason}</p>;
  const unavailable = !p || (p.state === 'unavailable' && !p.pages.length && !p.videoUrl);
  if (unavailable || p.kind === 'file')
    return (
      <div class="deliverable-preview__none">
        <p>
          {p?.kind === 'file'
            ? `${version.fileName}: no preview for this kind of file.`
            : `Preview not available: ${p?.reason ?? 'unknown'}`}
        </p>
        {version.downloadable && onDownload && (
          <button type="button" class="button button--secondary" onClick={onDownload}>
            Download {version.fileName}
          </button>
        )}
      </div>
    );
  if (p.kind === 'video')
    return (
      <div class="deliverable-preview__video">
        {/* biome-ignore lint/a11y/useMediaCaption: studio deliverables carry no caption track */}
        <video ref={video} src={p.videoUrl ?? undefined} poster={p.posterUrl ?? undefined} controls playsInline preload="metadata" />
        {onPin && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => onPin({ kind: 'time', start: Math.round((video.current?.currentTime ?? 0) * 10) / 10 })}
          >
            Comment at this time
          </button>
        )}
        {p.reason && <p class="muted">{p.reason}</p>}
      </div>
    );
  const pinAt = (e: MouseEvent, page: number) => {
    if (!onPin) return;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
    onPin({ kind: 'point', x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000, ...(p.kind === 'pdf' && { page }) });
  };
  return (
    <div class="deliverable-preview__pages">
      {p.reason && <p class="muted">{p.reason}</p>}
      {p.pages.map((page, i) => {
        const n = i + 1;
        const pins = comments.filter((c) => c.pin?.kind === 'point' && (p.kind !== 'pdf' || (c.pin.page ?? 1) === n));
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: pinning is a pointer gesture; comments without a pin need no click
          <div
            key={page.url}
            class="deliverable-page"
            style={{ aspectRatio: `${page.width} / ${page.height}` }}
            onClick={(e) => pinAt(e, n)}
          >
            <img
              src={page.url}
              alt={p.kind === 'pdf' ? `Page ${n} of ${version.fileName}` : version.fileName}
              loading="lazy"
              width={page.width}
              height={page.height}
            />
            {pins.map((c, k) =>
              c.pin?.kind === 'point' ? (
                <span
                  key={c.commentId}
                  class="deliverable-pin"
                  style={{ left: `${c.pin.x * 100}%`, top: `${c.pin.y * 100}%` }}
                  title={c.text}
                >
                  {k + 1}
                </span>
              ) : null,
            )}
          </div>
        );
      })}
    </div>
  );
}
