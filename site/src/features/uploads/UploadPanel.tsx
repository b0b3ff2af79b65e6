import { useEffect, useRef, useState } from 'preact/hooks';
import { UploadIcon } from '../../components/ui/GalleryIcons.tsx';
import { formatBytes, plural } from '../../lib/format.ts';
import { type Skipped, UPLOAD_ACCEPT, type UploadEntry, type Uploader } from './uploader.ts';

/** Every file under a dropped folder (and its sub-folders); plain files as they are. */
async function filesOf(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e));
  if (!entries.length || entries.every((e) => e.isFile)) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches (100 in Chrome) until it answers with none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return files;
}

/** Drop zone, file picker and the progress of everything sent: overall (bytes and files) and per file. */
export function UploadPanel({ uploader }: { uploader: Uploader }) {
  const [, setTick] = useState(0);
  const [skipped, setSkipped] = useState<Skipped[]>([]);
  const [added, setAdded] = useState('');
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const depth = useRef(0);

  useEffect(() => uploader.subscribe(() => setTick((n) => n + 1)), [uploader]);

  const running = uploader.running;
  // Leaving the page would stop the uploads: the browser asks first.
  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  const addFiles = (files: File[]) => {
    const result = uploader.add(files);
    setSkipped(result.skipped);
    setAdded(result.added ? `${plural(result.added, 'photo')} added to the upload.` : '');
  };

  const onDrop = async (e: DragEvent) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    if (!e.dataTransfer) return;
    setReading(true);
    try {
      addFiles(await filesOf(e.dataTransfer));
    } finally {
      setReading(false);
    }
  };

  // A drop anywhere on the page uploads too (instead of the browser opening the photo).
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) void dropRef.current(e);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const { entries, totals } = uploader.snapshot();
  const percent = totals.bytes ? Math.floor((totals.sentBytes / totals.bytes) * 100) : 0;
  const inFlight = entries.filter((e) => e.status === 'uploading' || e.status === 'finishing');
  const failed = entries.filter((e) => e.status === 'failed');
  const waiting = entries.filter((e) => e.status === 'waiting').length;

  return (
    <section class="uploader" aria-labelledby="upload-heading">
      <h2 id="upload-heading" class="visually-hidden">
        Upload photos
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the "Choose photos" button inside is the keyboard way in */}
      <div
        class={`dropzone${dragging ? ' is-dragging' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          depth.current++;
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (!depth.current) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <span class="dropzone__icon">
          <UploadIcon />
        </span>
        <p class="dropzone__title">{reading ? 'Reading the folder…' : 'Drag photos or a whole folder here'}</p>
        <button type="button" class="button button--primary" onClick={() => input.current?.click()}>
          Choose photos
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={UPLOAD_ACCEPT}
          hidden
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list?.length) addFiles([...list]);
            e.currentTarget.value = '';
          }}
        />
        <p class="dropzone__hint">JPEG, PNG, WebP, TIFF or HEIC, up to 200 MB each. Thousands at once are fine.</p>
      </div>

      {/* The progress below shows it; this only tells screen readers. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {added}
      </p>
      {skipped.length > 0 && (
        <div class="notice notice--info upload-skipped" role="status">
          <div class="notice__body">
            <strong>Skipped {plural(skipped.length, 'file')} that can’t be uploaded:</strong>{' '}
            {skipped
              .slice(0, 5)
              .map((s) => `${s.name} (${s.reason})`)
              .join(', ')}
            {skipped.length > 5 && `, and ${skipped.length - 5} more`}.
          </div>
          <button type="button" class="toast__close" onClick={() => setSkipped([])} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}

      {(totals.files > 0 || totals.cancelled > 0) && (
        <div class="upload-progress">
          <div class="upload-progress__head">
            <p class="upload-progress__title" aria-live="polite">
              {running
                ? `Uploading ${totals.done.toLocaleString()} of ${plural(totals.files, 'photo')}`
                : totals.failed
                  ? `${totals.done.toLocaleString()} of ${plural(totals.files, 'photo')} uploaded, ${totals.failed.toLocaleString()} failed`
                  : totals.files === 0
                    ? `Upload cancelled: ${plural(totals.cancelled, 'photo')} not uploaded`
                    : `${plural(totals.done, 'photo')} uploaded`}
            </p>
            <div class="upload-progress__actions">
              {failed.length > 0 && (
                <button type="button" class="button button--secondary button--small" onClick={() => uploader.retryFailed()}>
                  Retry failed ({failed.length})
                </button>
              )}
              {running ? (
                <button type="button" class="button button--ghost button--small" onClick={() => uploader.cancelAll()}>
                  Cancel all
                </button>
              ) : (
                <button type="button" class="button button--ghost button--small" onClick={() => uploader.clearFinished()}>
                  Clear
                </button>
              )}
            </div>
          </div>
          {totals.files > 0 && (
            <>
              <div
                class="progress"
                role="progressbar"
                data-testid="upload-overall"
                aria-label="Overall upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={`${percent}%: ${totals.done} of ${totals.files} files, ${formatBytes(totals.sentBytes)} of ${formatBytes(totals.bytes)}`}
              >
                <span class="progress__bar" style={{ width: `${percent}%` }} />
              </div>
              <p class="progress__text">
                {formatBytes(totals.sentBytes)} of {formatBytes(totals.bytes)} · {percent}%
                {waiting > 0 && ` · ${waiting.toLocaleString()} waiting`}
                {totals.cancelled > 0 && ` · ${totals.cancelled.toLocaleString()} cancelled`}
              </p>
            </>
          )}
          {(inFlight.length > 0 || failed.length > 0) && (
            <ul class="upload-list">
              {inFlight.map((e) => (
                <UploadRow key={e.key} entry={e} />
              ))}
              {failed.slice(0, 50).map((e) => (
                <UploadRow key={e.key} entry={e} onRetry={() => uploader.retry(e.key)} />
              ))}
              {failed.length > 50 && <li class="upload-row muted">… and {failed.length - 50} more failed</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function UploadRow({ entry, onRetry }: { entry: UploadEntry; onRetry?: () => void }) {
  const percent = Math.floor((Math.min(entry.sent, entry.size) / entry.size) * 100);
  return (
    <li class={`upload-row upload-row--${entry.status}`}>
      <span class="upload-row__name" title={entry.fileName}>
        {entry.fileName}
      </span>
      <span class="upload-row__size">{formatBytes(entry.size)}</span>
      {entry.status === 'failed' ? (
        <>
          <span class="upload-row__error">{entry.error}</span>
          <button type="button" class="button button--secondary button--small" onClick={onRetry}>
            Retry<span class="visually-hidden"> {entry.fileName}</span>
          </button>
        </>
      ) : (
        <div
          class="progress progress--small"
          role="progressbar"
          aria-label={entry.fileName}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span class="progress__bar" style={{ width: `${entry.status === 'finishing' ? 100 : percent}%` }} />
        </div>
      )}
    </li>
  );
}
