// A client proofing a gallery: favourites, selection within the maximum, comments and confirming
// the final set. What they may do is decided in rules.ts (one function, for the UI and the API alike).

import { randomUUID } from 'node:crypto';
import { sendMail } from '../../../adapters/mail.ts';
import { presignGet } from '../../../adapters/storage.ts';
import { dashboardUrl, limits } from '../../../config.ts';
import { consume, type Limit } from '../../../data/rate-limit.ts';
import { conflict, notFound } from '../../../errors.ts';
import type { Page, PageRequest } from '../../../paging.ts';
import type { PaymentLock } from '../../../schemas.ts';
import type { Client } from '../../clients/index.ts';
import {
  type Gallery,
  type GalleryContents,
  type GalleryRules,
  getGallery,
  getImage,
  type ImageRecord,
  loadGalleryContents,
  mark,
  rulesOf,
  type SelectionState,
  type SubmissionRecord,
} from '../../galleries/index.ts';
import { assertPaidFor } from '../../invoices/index.ts';
import { assertReleasesSigned } from '../../releases/index.ts';
import type { Studio } from '../../studios/index.ts';
import {
  addPick,
  confirmSelectionWrite,
  deleteFavourite,
  getSelection,
  putFavourite,
  queryComments,
  recordActivity,
  removePick,
} from '../data.ts';
import type { CommentRecord } from '../records.ts';
import type { Permissions } from '../schemas.ts';
import { type ClientStatus, checkConfirmation, clientStatus, permissions, refuse, refusedSelection, shownToClient } from './rules.ts';

/** A client's own gallery, or 404: another client's or studio's gallery does not exist for them. */
export async function galleryForClient(studio: Studio, client: Client, galleryId: string): Promise<Gallery> {
  const gallery = await getGallery(studio.studioId, galleryId);
  if (!gallery || !shownToClient(gallery, client.clientId)) throw notFound('No such gallery.');
  return gallery;
}

export interface ClientGalleryView {
  gallery: Gallery;
  rules: GalleryRules;
  status: ClientStatus;
  selection: SelectionState | undefined;
  can: Permissions;
  contents: GalleryContents;
}

export async function viewGallery(studio: Studio, client: Client, galleryId: string): Promise<ClientGalleryView> {
  const gallery = await galleryForClient(studio, client, galleryId);
  const contents = await loadGalleryContents(galleryId);
  const selection = contents.selections.get(client.clientId);
  return {
    gallery,
    rules: rulesOf(gallery),
    status: clientStatus(gallery, selection),
    selection,
    can: permissions(gallery, selection),
    contents,
  };
}

/** The images a client sees: processed ones only, with short-lived links to their derived files. */
export async function clientImages(view: ClientGalleryView, clientId: string) {
  const ready = view.contents.images.filter((i) => i.status === 'ready' && i.derived?.thumb?.webp && i.derived.preview?.webp);
  return Promise.all(
    ready.map(async (image) => ({
      imageId: image.imageId,
      fileName: image.fileName,
      width: image.width,
      height: image.height,
      takenAt: image.takenAt,
      placeholder: image.placeholder,
      thumbUrl: await presignGet(image.derived?.thumb?.webp as string, { expiresIn: 6 * 3600 }),
      previewUrl: await presignGet(image.derived?.preview?.webp as string, { expiresIn: 6 * 3600 }),
      favourite: view.contents.favourites.has(mark(clientId, image.imageId)),
      selected: view.contents.picks.has(mark(clientId, image.imageId)),
      comments: image.commentCount ?? 0,
    })),
  );
}

/**
 * The gallery as the client's proofing page gets it, from a view and its images: one builder, so
 * the Portal Manager's preview answers exactly what the client's own route does.
 */
/** The gallery as its client sees it; `paymentLock` is the unpaid invoice its downloads wait for (invoices' gates). */
export function clientGalleryAnswer(
  view: ClientGalleryView,
  images: Awaited<ReturnType<typeof clientImages>>,
  paymentLock: PaymentLock | null,
) {
  const g = view.gallery;
  return {
    gallery: {
      galleryId: g.galleryId,
      title: g.title,
      status: view.status,
      shootDate: g.shootDate,
      deadline: g.deadline,
      welcomeNote: g.welcomeNote ?? '',
      tags: g.tags ?? [],
      rules: view.rules,
      imageCount: images.length,
      selectedCount: view.selection?.count ?? 0,
      confirmedAt: view.selection?.confirmedAt ?? null,
      can: view.can,
      paymentLock,
    },
    images,
  };
}

/** Comments one client may post per minute: a conversation, not a flood. */
export const commentLimit = (): Limit => ({ bucket: 'comment', max: limits.commentsPerMinute, windowSeconds: 60 });
/** Favourite and selection changes one client may make per minute: brisk culling, not a script. */
export const markLimit = (): Limit => ({ bucket: 'mark', max: limits.marksPerMinute, windowSeconds: 60 });

/** The gallery, the selection state, and the image (which must be ready) for one action. */
async function actionContext(studio: Studio, client: Client, galleryId: string, imageId: string) {
  const gallery = await galleryForClient(studio, client, galleryId);
  const [image, selection] = await Promise.all([getImage(galleryId, imageId), getSelection(galleryId, client.clientId)]);
  if (image?.status !== 'ready') throw notFound('No such image.');
  return { gallery, image, selection, can: permissions(gallery, selection) };
}

export async function setFavourite(
  studio: Studio,
  client: Client,
  galleryId: string,
  imageId: string,
  favourite: boolean,
): Promise<boolean> {
  const { can } = await actionContext(studio, client, galleryId, imageId);
  if (!can.favourite) refuse('Favourites');
  await consume(markLimit(), client.clientId);
  if (favourite) await putFavourite(galleryId, client.clientId, imageId);
  else await deleteFavourite(galleryId, client.clientId, imageId);
  return favourite;
}

/**
 * Selects or unselects one image. The count lives on the selection record and moves only in the
 * same transaction that creates or deletes the pick, under a condition on the maximum and on the
 * set not being confirmed: concurrent requests can neither pass the limit nor lose a pick.
 */
export async function setSelected(
  studio: Studio,
  client: Client,
  galleryId: string,
  imageId: string,
  selected: boolean,
): Promise<{ selected: boolean; selectedCount: number }> {
  const { gallery, can } = await actionContext(studio, client, galleryId, imageId);
  if (!can.select) refuse('Selecting images');
  await consume(markLimit(), client.clientId);
  const max = rulesOf(gallery).selection.max;
  const refused = selected
    ? await addPick(galleryId, client.clientId, imageId, max)
    : await removePick(galleryId, client.clientId, imageId);
  if (refused) {
    const current = await getSelection(galleryId, client.clientId);
    const answer = refusedSelection({ selected, selectionFailed: refused.selectionFailed, pickFailed: refused.pickFailed, current, max });
    if (answer) return answer;
    throw refused.cause;
  }
  const after = await getSelection(galleryId, client.clientId);
  return { selected, selectedCount: after?.count ?? 0 };
}

/** A page of an image's comments, oldest first. */
export async function listComments(
  studio: Studio,
  client: Client,
  galleryId: string,
  imageId: string,
  page: PageRequest,
): Promise<Page<CommentRecord>> {
  await actionContext(studio, client, galleryId, imageId);
  return queryComments(galleryId, imageId, page);
}

/**
 * Confirms the final set. The transaction only succeeds if the count is still the one the picks
 * were read with, so a select racing the confirmation either lands before it (and is in the set)
 * or is refused after it.
 */
export async function confirmSelection(studio: Studio, client: Client, galleryId: string): Promise<SubmissionRecord> {
  const view = await viewGallery(studio, client, galleryId);
  checkConfirmation(view.selection, view.can, view.rules);
  const picked = view.contents.images.filter((i) => view.contents.picks.has(mark(client.clientId, i.imageId)));
  const submission: SubmissionRecord = {
    submissionId: randomUUID(),
    galleryId,
    clientId: client.clientId,
    clientName: client.name,
    clientEmail: client.email,
    confirmedAt: new Date().toISOString(),
    count: picked.length,
    imageIds: picked.map((i) => i.imageId),
    fileNames: picked.map((i) => i.fileName),
  };
  if (!(await confirmSelectionWrite(submission))) {
    throw conflict('selection_changed', 'Your selection changed while confirming. Please check it and confirm again.');
  }
  await notifyStudio(studio, view.gallery, submission).catch(() => undefined);
  return submission;
}

async function notifyStudio(studio: Studio, gallery: Gallery, submission: SubmissionRecord): Promise<void> {
  if (!studio.supportEmail) return;
  const link = `${dashboardUrl()}/galleries/${gallery.galleryId}`;
  const names = submission.fileNames.join(', ');
  await sendMail({
    to: studio.supportEmail,
    subject: `${submission.clientName} confirmed ${submission.count} images in "${gallery.title}"`,
    text: `${submission.clientName} (${submission.clientEmail}) confirmed their final set of ${submission.count} images in "${gallery.title}".\n\nFile names (paste into Lightroom's filter):\n${names}\n\nOpen the gallery: ${link}\n`,
    html: `<p>${escapeHtml(submission.clientName)} (${escapeHtml(submission.clientEmail)}) confirmed their final set of <strong>${submission.count}</strong> images in “${escapeHtml(gallery.title)}”.</p><p>File names (paste into Lightroom's filter):</p><pre>${escapeHtml(names)}</pre><p><a href="${escapeHtml(link)}">Open the gallery</a></p>`,
  });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A link that downloads one image at the size the rules allow, under its own file name. */
export async function downloadLink(
  studio: Studio,
  client: Client,
  galleryId: string,
  imageId: string,
): Promise<{ url: string; fileName: string }> {
  const { gallery, image, can } = await actionContext(studio, client, galleryId, imageId);
  if (!can.download) refuse('Downloads');
  await assertReleasesSigned(studio.studioId, galleryId, client.clientId);
  await assertPaidFor(studio.studioId, galleryId, 'originals');
  const { key, fileName } = downloadSource(rulesOf(gallery), image);
  await recordActivity(galleryId, client.clientId, 'download');
  return { url: await presignGet(key, { expiresIn: 300, downloadName: fileName }), fileName };
}

/** Which file a download hands out: the original, or the web-size JPEG. */
export function downloadSource(rules: GalleryRules, image: ImageRecord): { key: string; fileName: string } {
  if (rules.downloads === 'original') return { key: image.originalKey, fileName: image.fileName };
  const base = image.fileName.replace(/\.[^.]+$/, '');
  return { key: image.derived?.preview?.jpg ?? image.originalKey, fileName: `${base}.jpg` };
}
