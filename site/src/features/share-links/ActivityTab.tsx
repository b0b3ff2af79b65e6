import { LoadedTab } from '../../components/app/LoadedTab.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { StudioGallery } from '../../lib/gallery-types.ts';
import { useLoad } from '../../lib/hooks.ts';
import { callAll } from '../../lib/paging.ts';

export function ActivityTab({ gallery }: { gallery: StudioGallery }) {
  // Share-link use is the share links' own list (its own pages): the tab follows both.
  const load = useLoad(() => {
    const params = { galleryId: gallery.galleryId };
    return Promise.all([callAll('getGalleryActivity', 'clients', { params }), callAll('listShareLinks', 'links', { params })]).then(
      ([clients, shareLinks]) => ({ clients, shareLinks }),
    );
  });
  return (
    <LoadedTab id="activity-heading" title="Activity" load={load}>
      {(data) => (
        <>
          <div class="card card--flush">
            <div class="card__head">
              <h3>Clients</h3>
            </div>
            {data.clients.length === 0 ? (
              <p class="card__body muted">{gallery.clientName} hasn’t opened this gallery yet.</p>
            ) : (
              <div class="table-wrap">
                <table class="clients">
                  <thead>
                    <tr>
                      <th scope="col">Client</th>
                      <th scope="col">Views</th>
                      <th scope="col">Last viewed</th>
                      <th scope="col">Downloads</th>
                      <th scope="col">Last download</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.clients.map((c) => (
                      <tr key={c.clientId}>
                        <th scope="row" class="clients__who">
                          <span class="clients__name">{c.clientName}</span>
                        </th>
                        <td data-label="Views">{c.views.toLocaleString()}</td>
                        <td data-label="Last viewed">{c.lastViewAt ? formatDateTime(c.lastViewAt) : <span class="muted">Never</span>}</td>
                        <td data-label="Downloads">{c.downloads.toLocaleString()}</td>
                        <td data-label="Last download">
                          {c.lastDownloadAt ? formatDateTime(c.lastDownloadAt) : <span class="muted">Never</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <div class="card card--flush activity-links">
            <div class="card__head">
              <h3>Share links</h3>
            </div>
            {data.shareLinks.length === 0 ? (
              <p class="card__body muted">No share links. Create one under Share links.</p>
            ) : (
              <ul class="activity-links__list">
                {data.shareLinks.map((l) => (
                  <li key={l.linkId}>
                    <strong>{l.access === 'download' ? 'View and download' : 'View only'}</strong> link, created{' '}
                    {formatDateTime(l.createdAt)}: {l.uses === 1 ? 'opened once' : `opened ${l.uses.toLocaleString()} times`}
                    {l.lastUsedAt && `, last ${formatDateTime(l.lastUsedAt)}`}
                    {l.revokedAt && ' (revoked)'}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </LoadedTab>
  );
}
