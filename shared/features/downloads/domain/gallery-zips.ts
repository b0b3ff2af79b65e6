// A client's ZIP of a gallery (all images, or the selected set): the rules decide whether it is
// allowed and which files it holds; the ZIP worker (functions/downloads/buildZip.ts) streams it.
import { presignGet } from '../../../adapters/storage.ts';
import { limits } from '../../../config.ts';
import { conflict, notAllowed, notFound } from '../../../errors.ts';
import type { Client } from '../../clients/index.ts';
import { mark } from '../../galleries/index.ts';
import { assertPaidFor } from '../../invoices/index.ts';
import { downloadSource, galleryForClient, recordActivity, viewGallery } from '../../proofing/index.ts';
import { assertReleasesSigned } from '../../releases/index.ts';
import type { Studio } from '../../studios/index.ts';
import type { ZipJob } from '../records.ts';
import { getZipJob, requestClientZip } from './zip-jobs.ts';

async function statusOf(job: ZipJob) {
  return {
    jobId: job.jobId,
    status: job.status,
    filesDone: job.filesDone,
    totalFiles: job.totalFiles,
    bytesDone: job.bytesDone,
    totalBytes: job.totalBytes ?? null,
    url: job.status === 'ready' && job.outputKey ? await presignGet(job.outputKey, { expiresIn: 3600 }) : null,
    error: job.error ?? null,
  };
}

export async function startGalleryZip(studio: Studio, client: Client, galleryId: string, scope: 'all' | 'selected') {
  const view = await viewGallery(studio, client, galleryId);
  if (!view.can.download) throw notAllowed('not_allowed', 'Downloads are not available in this gallery right now.');
  await assertReleasesSigned(studio.studioId, galleryId, client.clientId);
  await assertPaidFor(studio.studioId, galleryId, 'originals');
  const images = view.contents.images.filter(
    (i) => i.status === 'ready' && (scope === 'all' || view.contents.picks.has(mark(client.clientId, i.imageId))),
  );
  if (images.length === 0)
    throw conflict(
      'nothing_to_download',
      scope === 'selected' ? 'You have not selected any images yet.' : 'This gallery has no images yet.',
    );
  const entries = images.map((image) => {
    const source = downloadSource(view.rules, image);
    return { key: source.key, fileName: source.fileName, size: view.rules.downloads === 'original' ? image.size : undefined };
  });
  const name =
    `${view.gallery.title}${scope === 'selected' ? ' - selection' : ''}`.replace(/[^\p{L}\p{N} _().-]+/gu, '').trim() || 'gallery';
  const job = await requestClientZip(
    { studioId: studio.studioId, galleryId, requestedBy: client.clientId, name, entries },
    limits.zipLiveJobsPerGallery,
  );
  await recordActivity(galleryId, client.clientId, 'download');
  return statusOf(job);
}

export async function galleryZipStatus(studio: Studio, client: Client, galleryId: string, jobId: string) {
  await galleryForClient(studio, client, galleryId);
  const job = await getZipJob(galleryId, jobId);
  // Only the client who asked for a ZIP may fetch it.
  if (!job || job.requestedBy !== client.clientId) throw notFound('No such download.');
  return statusOf(job);
}
