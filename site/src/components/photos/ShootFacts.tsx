import { formatDate } from '../../lib/dates.ts';
import { plural } from '../../lib/format.ts';
import { CalendarIcon, PhotosIcon } from '../ui/Icons.tsx';

/** The shoot date and photo count entries of a gallery's facts list (`<dl class="proof-meta">`). */
export function ShootFacts({ shootDate, photos }: { shootDate: string | null; photos: number }) {
  return (
    <>
      {shootDate && (
        <div>
          <dt>
            <CalendarIcon />
            <span class="visually-hidden">Shoot date</span>
          </dt>
          <dd>
            <time dateTime={shootDate}>{formatDate(shootDate)}</time>
          </dd>
        </div>
      )}
      <div>
        <dt>
          <PhotosIcon />
          <span class="visually-hidden">Photos</span>
        </dt>
        <dd>{plural(photos, 'photo')}</dd>
      </div>
    </>
  );
}
