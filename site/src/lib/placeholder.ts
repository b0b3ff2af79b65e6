// ThumbHash placeholders (base64 in the API) as tiny PNG data URLs, decoded on first use only:
// a grid of 2,000 photos decodes just the tiles it renders.
import { thumbHashToDataURL } from 'thumbhash';

const cache = new Map<string, string | null>();

export function placeholderUrl(hash: string | null | undefined): string | null {
  if (!hash) return null;
  let url = cache.get(hash);
  if (url === undefined) {
    try {
      url = thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    } catch {
      url = null;
    }
    cache.set(hash, url);
  }
  return url;
}
