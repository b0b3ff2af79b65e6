// The pieces both Files tabs show: a file's thumbnail (or why there is none), its version history,
// and the upload control with the limits written beside it.
import { useRef } from 'preact/hooks';
import { formatBytes } from '../../../../shared/features/files/constants.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Ok } from '../../lib/types.ts';
import type { UploadState } from './hooks.ts';

export type FileVersionView = Ok<'listStudioFiles'>['files'][number]['versions'][number];
export type UploadLimitsView = Ok<'listStudioFiles'>['limits'];

const KIND_LABEL = { image: 'Image', pdf: 'PDF', video: 'Video', file: 'File' } as const;

/** What a list shows of a version: its thumb, a state while it is on its way, or the reason there is no preview. */
export function Thumb({ version }: { version: FileVersionView | null }) {
  if (version?.thumbUrl) return <img class="file-row__thumb" src={version.thumbUrl} alt="" loading="lazy" decoding="async" />;
  const kind = version?.preview?.kind ?? 'file';
  return (
    <span class={`file-row__thumb file-row__thumb--icon file-row__thumb--${kind}`} aria-hidden="true">
      {KIND_LABEL[kind]}
    </span>
  );
}

/** The line under a file's name: what there is to say about its newest version. */
export function VersionState({ version }: { version: FileVersionView | null }) {
  if (!version) return <span class="muted small">Upload not finished</span>;
  if (version.status === 'uploading') return <span class="muted small">Upload not finished</span>;
  if (version.status === 'processing') return <span class="muted small">Making the preview…</span>;
  if (version.status === 'failed') return <span class="file-row__problem small">Upload refused: {version.failureReason}</span>;
  const p = version.preview;
  if (p && p.state === 'unavailable')
    return (
      <span class="file-row__problem small">
        {p.reason?.startsWith('Preview not available') ? p.reason : `Preview not available: ${p.reason ?? 'this file cannot be shown'}`}
      </span>
    );
  const facts = [
    formatBytes(version.size),
    p?.pageCount ? `${p.pageCount} pages` : null,
    p?.durationSeconds ? `${Math.round(p.durationSeconds)} s` : null,
    p?.reason,
  ].filter(Boolean);
  return <span class="muted small">{facts.join(' · ')}</span>;
}

/** Every version, newest first, each downloadable. */
export function VersionHistory({ versions, onDownload }: { versions: FileVersionView[]; onDownload: (version: number) => void }) {
  if (versions.length < 2) return null;
  return (
    <details class="file-row__history">
      <summary>{versions.length} versions</summary>
      <ol class="file-row__versions" reversed>
        {versions.map((v) => (
          <li key={v.version}>
            <span>
              <strong>v{v.version}</strong> · {v.fileName} · {formatBytes(v.size)} · {v.uploadedBy.name} · {formatDateTime(v.createdAt)}
            </span>
            {v.status === 'ready' || v.status === 'processing' ? (
              <button type="button" class="button button--ghost button--small" onClick={() => onDownload(v.version)}>
                Download v{v.version}
              </button>
            ) : (
              <span class="muted small">{v.status === 'failed' ? 'Refused' : 'Not finished'}</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The limits as the upload control writes them: size, types, hourly budget. */
export function limitsText(limits: UploadLimitsView, typesShown: string | null): string {
  return [
    `Up to ${formatBytes(limits.maxBytes)} per file`,
    typesShown,
    limits.bytesPerHour ? `${formatBytes(limits.bytesPerHour)} per hour` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A file picker with its limits beside it and the upload's progress under it. */
export function UploadControl({
  id,
  label,
  limits,
  accept,
  disabled,
  secondary,
  state,
  onFile,
}: {
  id: string;
  label: string;
  limits: string;
  accept?: string;
  disabled?: boolean;
  /** A lesser action (a new version) than the folder's upload. */
  secondary?: boolean;
  state: UploadState;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'sending' || state.phase === 'finishing';
  return (
    <div class="file-upload">
      <button
        type="button"
        class={`button ${secondary ? 'button--secondary button--small' : 'button--primary'}`}
        disabled={disabled || busy}
        onClick={() => input.current?.click()}
        aria-describedby={`${id}-limits`}
      >
        {busy ? 'Uploading…' : label}
      </button>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <p class="muted small file-upload__limits" id={`${id}-limits`}>
        {limits}
      </p>
      {state.phase === 'sending' && (
        <div class="file-upload__progress">
          <progress max={state.size || 1} value={state.sent} aria-label={`Uploading ${state.name}`} />
          <span class="small">
            {state.name}: {state.size ? Math.floor((state.sent / state.size) * 100) : 100} %
          </span>
        </div>
      )}
      <Notice role="status">
        {state.phase === 'finishing' ? `Finishing ${state.name}…` : state.phase === 'done' ? `${state.name} uploaded.` : ''}
      </Notice>
      <Notice role="alert">{state.phase === 'failed' ? `${state.name}: ${state.message}` : ''}</Notice>
    </div>
  );
}

/** Opens a short-lived download link (it names the file: the browser saves it, the page stays). */
export function startDownload(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
