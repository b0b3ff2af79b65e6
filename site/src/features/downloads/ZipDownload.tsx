import { useEffect, useRef, useState } from 'preact/hooks';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { DownloadIcon } from '../../components/ui/GalleryIcons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatBytes, plural } from '../../lib/format.ts';
import type { ZipJob } from '../../lib/gallery-types.ts';

/** Asks for a ZIP, follows its progress every second, then offers the file. Closing stops the polling. */
export function ZipDownload({ galleryId, scope, onClose }: { galleryId: string; scope: 'all' | 'selected'; onClose: () => void }) {
  const [job, setJob] = useState<ZipJob | null>(null);
  const [error, setError] = useState('');
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (current: ZipJob) => {
      if (!live) return;
      setJob(current);
      if (current.status === 'failed') setError(current.error ?? 'The ZIP could not be made. Please try again.');
      if (current.status === 'queued' || current.status === 'running') {
        timer = setTimeout(() => {
          call('getGalleryZip', { params: { galleryId, jobId: current.jobId } }).then(
            (r) => follow(r.job),
            // A blip: try again on the next tick rather than giving up on a long ZIP.
            () => live && follow(current),
          );
        }, 1000);
      }
    };
    call('requestGalleryZip', { params: { galleryId }, body: { scope } }).then(
      (r) => follow(r.job),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [galleryId, scope]);

  useEffect(() => {
    if (job?.status === 'ready') link.current?.focus();
  }, [job?.status]);

  const total = job?.totalFiles ?? 0;
  const done = job?.filesDone ?? 0;
  const percent = job?.status === 'ready' ? 100 : total ? Math.floor((done / total) * 100) : 0;
  const bytes = job
    ? job.totalBytes
      ? `${formatBytes(job.bytesDone)} of ${formatBytes(job.totalBytes)}`
      : formatBytes(job.bytesDone)
    : '';
  const title = scope === 'all' ? 'Download all photos' : 'Download your selection';

  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" class="button button--secondary" onClick={onClose}>
          {job?.status === 'ready' ? 'Done' : 'Cancel'}
        </button>
      }
    >
      {!error && job?.status !== 'ready' && (
        <>
          <p>We’re putting your photos into one ZIP file. Keep this open; it takes a moment for large galleries.</p>
          <div
            class="progress"
            role="progressbar"
            aria-label="ZIP progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={job ? `${done} of ${total} files, ${bytes}` : 'Starting'}
          >
            <span class="progress__bar" style={{ width: `${percent}%` }} />
          </div>
          <p class="progress__text" aria-live="polite">
            {job ? `${done.toLocaleString()} of ${plural(total, 'file')} · ${bytes}` : 'Starting…'}
          </p>
        </>
      )}
      {job?.status === 'ready' && job.url && (
        <div class="zip-ready" role="status">
          <p>
            Your ZIP is ready: {plural(job.totalFiles, 'photo')}
            {job.totalBytes ? `, ${formatBytes(job.totalBytes)}` : ''}. The link works for an hour.
          </p>
          <a class="button button--primary button--block" href={job.url} ref={link}>
            <DownloadIcon />
            Download ZIP
          </a>
        </div>
      )}
      <Notice role="alert">{error}</Notice>
    </Dialog>
  );
}
