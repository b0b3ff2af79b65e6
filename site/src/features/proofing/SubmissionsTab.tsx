import { useRef, useState } from 'preact/hooks';
import { LoadedTab } from '../../components/app/LoadedTab.tsx';
import { CopyIcon, DownloadIcon } from '../../components/ui/GalleryIcons.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { routeUrl } from '../../lib/api.ts';
import { copyText, formatDateTime, plural } from '../../lib/format.ts';
import type { StudioGallery, Submission } from '../../lib/gallery-types.ts';
import { useLoad } from '../../lib/hooks.ts';
import { callAll } from '../../lib/paging.ts';

export function SubmissionsTab({ gallery }: { gallery: StudioGallery }) {
  const load = useLoad(() =>
    callAll('listSubmissions', 'submissions', { params: { galleryId: gallery.galleryId } }).then((submissions) => ({ submissions })),
  );
  return (
    <LoadedTab id="submissions-heading" title="Submissions" load={load}>
      {(data) =>
        data.submissions.length === 0 ? (
          <div class="empty empty--card">
            <p class="empty__title">No confirmed selection yet</p>
            <p class="muted">
              When {gallery.clientName} confirms their final set, it appears here with the file names, ready to paste into Lightroom.
            </p>
          </div>
        ) : (
          <ul class="submissions">
            {[...data.submissions]
              .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
              .map((s) => (
                <li key={s.submissionId}>
                  <SubmissionCard gallery={gallery} submission={s} />
                </li>
              ))}
          </ul>
        )
      }
    </LoadedTab>
  );
}

function SubmissionCard({ gallery, submission: s }: { gallery: StudioGallery; submission: Submission }) {
  const names = s.fileNames.join(', ');
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState('');
  const boxId = `names-${s.submissionId}`;
  const copy = async () => {
    setCopied('');
    const ok = await copyText(names, box.current);
    setCopied(ok ? `Copied ${plural(s.count, 'file name')}.` : 'Select the text and copy it with your keyboard.');
  };
  return (
    <article class="card submission" data-testid="submission" aria-labelledby={`${boxId}-title`}>
      <div class="submission__head">
        <h3 class="submission__title" id={`${boxId}-title`}>
          {s.clientName} chose {plural(s.count, 'photo')}
        </h3>
        <p class="muted small">
          Confirmed <time dateTime={s.confirmedAt}>{formatDateTime(s.confirmedAt)}</time> · {s.clientEmail}
        </p>
      </div>
      <label class="field__label" for={boxId}>
        File names for Lightroom
      </label>
      <p class="field__hint" id={`${boxId}-hint`}>
        Paste into Lightroom’s Library filter (Text: Filename, Contains) to find the chosen photos.
      </p>
      <textarea id={boxId} ref={box} class="textarea textarea--mono" readOnly rows={3} value={names} aria-describedby={`${boxId}-hint`} />
      <div class="form-actions">
        <button type="button" class="button button--secondary" onClick={copy}>
          <CopyIcon />
          Copy file names
        </button>
        <a
          class="button button--ghost"
          href={routeUrl('exportSubmission', { params: { galleryId: gallery.galleryId, submissionId: s.submissionId } })}
          download
        >
          <DownloadIcon />
          Download CSV
        </a>
      </div>
      <Notice role="status">{copied}</Notice>
    </article>
  );
}
