// Pure rules of uploads: whether what arrived in the bucket is what its ticket was for.

/** What a ticket was issued for, and what the bucket holds. */
export interface Declared {
  size: number;
  contentType: string;
}

/** The stored object's media type as it compares: lowercase, without parameters. */
const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Why a stored original is not what its ticket said (the studio reads this on the failed image),
 * or null when it is. The URLs sign type and length, so this catches what arrived another way: a
 * multipart upload completed from fewer or other parts, or an object written around the ticket.
 */
export function ticketMismatch(ticket: Declared, stored: { size: number; contentType: string | null }): string | null {
  if (stored.size !== ticket.size)
    return `The uploaded file's size (${stored.size} bytes) is not the size it was announced with (${ticket.size} bytes); upload it again`;
  if (mediaType(stored.contentType) !== mediaType(ticket.contentType))
    return `The uploaded file's type (${mediaType(stored.contentType) || 'none'}) is not the type it was announced with (${ticket.contentType}); upload it again`;
  return null;
}

/** The parts of a file of `size` bytes in parts of `partSize`: each part's number and exact length. */
export function partLengths(size: number, partSize: number): Array<{ partNumber: number; size: number }> {
  const count = Math.ceil(size / partSize);
  return Array.from({ length: count }, (_, i) => ({ partNumber: i + 1, size: Math.min(partSize, size - i * partSize) }));
}
