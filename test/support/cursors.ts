// Cursors as a list route hands them out (shared/paging.ts), built from the keys of a record of the
// list: the samples use them to ask for a page after a known record, and the paging tests to forge
// one into another tenant's list.
import { encodeCursor } from '../../shared/paging.ts';
import { keys } from './keys.ts';

export const cursorAfter = (key: Record<string, string>) => encodeCursor(key);

export const cursors = {
  clients: (studioId: string, clientId: string) => cursorAfter(keys.client(studioId, clientId)),
  studioGalleries: (studioId: string, galleryId: string) => cursorAfter(keys.gallery(studioId, galleryId)),
  clientGalleries: (studioId: string, clientId: string, galleryId: string) =>
    cursorAfter({ ...keys.gallery(studioId, galleryId), ...keys.galleryIndex(clientId, galleryId) }),
  comments: (galleryId: string, imageId: string) => {
    const { PK, SKPrefix } = keys.commentsOfImage(galleryId, imageId);
    return cursorAfter({ PK, SK: SKPrefix });
  },
  galleryComments: (galleryId: string) => {
    const { PK, SKPrefix } = keys.commentsOfGallery(galleryId);
    return cursorAfter({ PK, SK: SKPrefix });
  },
  submissions: (galleryId: string, submissionId: string) => cursorAfter(keys.submission(galleryId, submissionId)),
  shareLinks: (galleryId: string, linkId: string) => cursorAfter(keys.shareLink(galleryId, linkId)),
  activity: (galleryId: string, clientId: string) => cursorAfter(keys.activity(galleryId, clientId)),
};
