// One version's preview: image and PDF pages stacked full width (each page a button that pins a
// comment where it is clicked, numbered pins drawn at their point), a video in the browser's own
// player with its poster, or why there is none with the download.
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { Comment, Pin, Version } from './api.ts';
import { formatTime } from './labels.ts';

/** A thread as the preview draws it: its comment and its number in the list of threads. */
export interface Numbered {
  comment: Comment;
  n: number;
}

interface PreviewProps {
  version: Version;
  threads: Numbered[];
  /** Set when the caller may comment: a click pins there. */
  onPin?: ((pin: Pin) => void) | undefined;
  /** The pin being composed, drawn as a pending marker. */
  pending?: Pin | null | undefined;
  onDownload?: (() => void) | undefined;
  video?: RefObject<HTMLVideoElement> | undefined;
}

export function VersionPreview({ version, threads, onPin, pending, onDownload, video }: PreviewProps) {
  const p = version.preview;
  if (version.status === 'uploading' || version.status === 'processing')
    return (
      <p class="deliverable-preview__none muted" role="status">
        Preparing the preview…
      </p>
    );
  if (version.status === 'failed')
    return (
      <Unavailable version={version} reason={`the upload failed (${version.failureReason ?? 'unknown reason'})`} onDownload={onDownload} />
    );
  if (!p || p.kind === 'file')
    return <Unavailable version={version} reason="there is no preview for this kind of file" onDownload={onDownload} />;
  if (p.kind === 'video') {
    if (!p.videoUrl || p.playable === false)
      return <Unavailable version={version} reason={p.reason ?? 'this browser cannot play the video'} onDownload={onDownload} />;
    return <VideoPreview version={version} onPin={onPin} video={video} />;
  }
  if (!p.pages.length) return <Unavailable version={version} reason={p.reason ?? 'the file could not be read'} onDownload={onDownload} />;
  return (
    <div class="deliverable-preview__pages">
      {p.reason && <p class="muted small">{p.reason}</p>}
      {p.pages.map((page, i) => {
        const n = i + 1;
        const onPage = (pin: Pin | null | undefined) => pin?.kind === 'point' && (p.kind !== 'pdf' || (pin.page ?? 1) === n);
        const name = p.kind === 'pdf' ? `Page ${n} of ${p.pages.length}` : version.fileName;
        const pins = (
          <>
            <img src={page.url} alt={name} loading={i < 2 ? 'eager' : 'lazy'} width={page.width} height={page.height} />
            {threads
              .filter((t) => onPage(t.comment.pin))
              .map(({ comment, n: number }) =>
                comment.pin?.kind === 'point' ? (
                  <span
                    key={comment.commentId}
                    class={`deliverable-pin${comment.resolvedAt ? ' deliverable-pin--resolved' : ''}`}
                    style={{ left: `${comment.pin.x * 100}%`, top: `${comment.pin.y * 100}%` }}
                    aria-hidden="true"
                  >
                    {number}
                  </span>
                ) : null,
              )}
            {pending?.kind === 'point' && onPage(pending) && (
              <span
                class="deliverable-pin deliverable-pin--pending"
                style={{ left: `${pending.x * 100}%`, top: `${pending.y * 100}%` }}
                aria-hidden="true"
              >
                +
              </span>
            )}
          </>
        );
        const frame = { class: 'deliverable-page', style: { aspectRatio: `${page.width} / ${page.height}` } };
        return onPin ? (
          <button
            key={page.url}
            type="button"
            {...frame}
            class="deliverable-page deliverable-page--pinnable"
            aria-label={p.kind === 'pdf' ? `Pin a comment on page ${n}` : 'Pin a comment on the image'}
            onClick={(e) => onPin(pointOf(e, p.kind === 'pdf' ? n : undefined))}
          >
            {pins}
          </button>
        ) : (
          <div key={page.url} {...frame}>
            {pins}
          </div>
        );
      })}
    </div>
  );
}

/** Where a click landed on a page, as fractions; a keyboard press (no pointer) pins the middle. */
function pointOf(e: MouseEvent, page: number | undefined): Pin {
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  const keyboard = e.detail === 0;
  const frac = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
  const x = keyboard ? 0.5 : frac((e.clientX - box.left) / box.width);
  const y = keyboard ? 0.5 : frac((e.clientY - box.top) / box.height);
  return { kind: 'point', x, y, ...(page !== undefined && { page }) };
}

function VideoPreview({ version, onPin, video }: Pick<PreviewProps, 'version' | 'onPin' | 'video'>) {
  const [time, setTime] = useState(0);
  const p = version.preview;
  return (
    <div class="deliverable-preview__video">
      {/* biome-ignore lint/a11y/useMediaCaption: studio deliverables carry no caption track */}
      <video
        ref={video}
        src={p?.videoUrl ?? undefined}
        poster={p?.posterUrl ?? undefined}
        controls
        playsInline
        preload="metadata"
        aria-label={version.fileName}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
      />
      {onPin && (
        <button type="button" class="button button--secondary" onClick={() => onPin({ kind: 'time', start: Math.round(time * 10) / 10 })}>
          Comment at {formatTime(time)}
        </button>
      )}
      {p?.reason && <p class="muted small">{p.reason}</p>}
    </div>
  );
}

function Unavailable({ version, reason, onDownload }: { version: Version; reason: string; onDownload?: (() => void) | undefined }) {
  return (
    <div class="deliverable-preview__none">
      <span class="deliverable-preview__icon" aria-hidden="true">
        {version.fileName.split('.').pop()?.slice(0, 4).toUpperCase() || 'FILE'}
      </span>
      <p>
        <strong>{version.fileName}</strong>
        <br />
        Preview not available: {reason.replace(/^preview not available:\s*/i, '')}
      </p>
      {version.downloadable && onDownload && (
        <button type="button" class="button button--secondary" onClick={onDownload}>
          Download {version.fileName}
        </button>
      )}
    </div>
  );
}
