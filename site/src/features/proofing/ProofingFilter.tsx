// The proofing page's filters (all, favourites, selected, commented, tags), with their counts.
import { useMemo, useState } from 'preact/hooks';
import type { FilterOption } from '../../components/ui/FilterBar.tsx';
import type { ClientGalleryDetail, ClientImage } from '../../lib/gallery-types.ts';

export type Filter = 'all' | 'favourites' | 'selected' | 'commented' | `tag:${string}`;

/** Images do not carry tags in the API yet; tag filters appear once they do (an optional `tags` field). */
const tagsOf = (image: ClientImage): readonly string[] => (image as ClientImage & { tags?: string[] }).tags ?? [];

export function useProofingFilter(images: ClientImage[], gallery: ClientGalleryDetail, selecting: boolean) {
  const [filter, setFilter] = useState<Filter>('all');
  const { can } = gallery;

  const filters = useMemo(() => {
    const options: FilterOption<Filter>[] = [{ value: 'all', label: 'All', count: images.length }];
    const favourites = images.filter((i) => i.favourite).length;
    const selected = images.filter((i) => i.selected).length;
    const commented = images.filter((i) => i.comments > 0).length;
    if (can.favourite || favourites) options.push({ value: 'favourites', label: 'Favourites', count: favourites });
    if (selecting || selected) options.push({ value: 'selected', label: 'Selected', count: selected });
    if (can.comment || commented) options.push({ value: 'commented', label: 'Commented', count: commented });
    for (const tag of gallery.tags) {
      const n = images.filter((i) => tagsOf(i).includes(tag)).length;
      if (n) options.push({ value: `tag:${tag}`, label: tag, count: n });
    }
    return options;
  }, [images, can, selecting, gallery.tags]);

  const shown = useMemo(() => {
    if (filter === 'all') return images;
    if (filter === 'favourites') return images.filter((i) => i.favourite);
    if (filter === 'selected') return images.filter((i) => i.selected);
    if (filter === 'commented') return images.filter((i) => i.comments > 0);
    const tag = filter.slice(4);
    return images.filter((i) => tagsOf(i).includes(tag));
  }, [images, filter]);

  return { filter, setFilter, filters, shown };
}

export function EmptyFilter({ filter }: { filter: Filter }) {
  const text =
    filter === 'favourites'
      ? ['No favourites yet', 'Tap the heart on a photo to keep it here.']
      : filter === 'selected'
        ? ['Nothing selected yet', 'Tap the check mark on a photo to add it to your selection.']
        : filter === 'commented'
          ? ['No comments yet', 'Open a photo and choose Comments to leave a note for the studio.']
          : ['No photos with this tag', 'Choose another filter to see more photos.'];
  return (
    <div class="empty empty--card">
      <p class="empty__title">{text[0]}</p>
      <p class="muted">{text[1]}</p>
    </div>
  );
}
