// The client's marks on a photo: on its tile in the grid, and as the lightbox's action buttons.
import { CheckCircleIcon, CommentIcon, DownloadIcon, HeartIcon } from '../../components/ui/GalleryIcons.tsx';
import type { ClientImage, Permissions } from '../../lib/gallery-types.ts';

interface MarkHandlers {
  image: ClientImage;
  can: Permissions;
  onFavourite: (image: ClientImage) => void;
  onSelect: (image: ClientImage) => void;
}

/** Buttons when the client may change a mark, a plain badge when they may only see it. */
export function TileMarks({ image, can, onFavourite, onSelect }: MarkHandlers) {
  return (
    <div class="ptile__marks">
      {can.favourite ? (
        <button
          type="button"
          class={`mark-button${image.favourite ? ' is-on' : ''}`}
          aria-pressed={image.favourite}
          aria-label={`Favourite ${image.fileName}`}
          onClick={() => onFavourite(image)}
        >
          <HeartIcon filled={image.favourite} />
        </button>
      ) : (
        image.favourite && (
          <span class="mark-badge is-on" title="Favourite">
            <HeartIcon filled />
            <span class="visually-hidden">Favourite</span>
          </span>
        )
      )}
      {can.select ? (
        <button
          type="button"
          class={`mark-button mark-button--select${image.selected ? ' is-on' : ''}`}
          aria-pressed={image.selected}
          aria-label={`Select ${image.fileName}`}
          onClick={() => onSelect(image)}
        >
          <CheckCircleIcon filled={image.selected} />
        </button>
      ) : (
        image.selected && (
          <span class="mark-badge mark-badge--select is-on" title="Selected">
            <CheckCircleIcon filled />
            <span class="visually-hidden">Selected</span>
          </span>
        )
      )}
    </div>
  );
}

interface ViewerActionsProps extends MarkHandlers {
  commentsOpen: boolean;
  onComments: () => void;
  onDownload: (image: ClientImage) => void;
}

export function ViewerActions({ image, can, onFavourite, onSelect, commentsOpen, onComments, onDownload }: ViewerActionsProps) {
  return (
    <>
      {can.favourite && (
        <button
          type="button"
          class={`lb-action lb-action--favourite${image.favourite ? ' is-on' : ''}`}
          aria-pressed={image.favourite}
          onClick={() => onFavourite(image)}
          title="Favourite (F)"
        >
          <HeartIcon filled={image.favourite} />
          <span class="lb-action__label">Favourite</span>
        </button>
      )}
      {can.select && (
        <button
          type="button"
          class={`lb-action lb-action--select${image.selected ? ' is-on' : ''}`}
          aria-pressed={image.selected}
          onClick={() => onSelect(image)}
          title="Select (S)"
        >
          <CheckCircleIcon filled={image.selected} />
          <span class="lb-action__label">Select</span>
        </button>
      )}
      {(can.comment || image.comments > 0) && (
        <button
          type="button"
          class={`lb-action${commentsOpen ? ' is-on' : ''}`}
          aria-expanded={commentsOpen}
          aria-controls="comments-panel"
          onClick={onComments}
        >
          <CommentIcon />
          <span class="lb-action__label">Comments</span>
          {image.comments > 0 && <span class="lb-action__count">{image.comments}</span>}
        </button>
      )}
      {can.download && (
        <button type="button" class="lb-action" onClick={() => onDownload(image)}>
          <DownloadIcon />
          <span class="lb-action__label">Download</span>
        </button>
      )}
    </>
  );
}
