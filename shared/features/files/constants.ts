// The Files tab's limits and the client's allowed types, zod-free: the site imports them too (the
// byte limits themselves are runtime settings, shared/config.ts, which the list answers carry).

/** The file types a client contact may upload into a folder, by what they are called in the portal. */
export const CLIENT_FILE_TYPES = [
  {
    label: 'Images',
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/tiff', 'image/svg+xml'],
  },
  { label: 'PDF', types: ['application/pdf'] },
  { label: 'Video', types: ['video/mp4', 'video/quicktime', 'video/webm'] },
  {
    label: 'Office documents',
    types: [
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.presentation',
    ],
  },
  { label: 'ZIP', types: ['application/zip', 'application/x-zip-compressed'] },
  { label: 'Plain text', types: ['text/plain', 'text/csv'] },
] as const;

export const CLIENT_CONTENT_TYPES: readonly string[] = CLIENT_FILE_TYPES.flatMap((g) => g.types);

/** "Images, PDF, Video, …": what the upload control says a client may send. */
export const CLIENT_TYPES_SHOWN = CLIENT_FILE_TYPES.map((g) => g.label).join(', ');

/** A media type as it compares: lowercase, without parameters. */
export const mediaTypeOf = (contentType: string): string => contentType.split(';')[0]?.trim().toLowerCase() ?? '';

export const mayClientUploadType = (contentType: string): boolean => CLIENT_CONTENT_TYPES.includes(mediaTypeOf(contentType));

export const FILE_LIMITS = {
  /** Folders in one project's Files tab. */
  folders: 50,
  /** Files in one folder (the folder counts them; the Files tab reads the whole project in one Query). */
  filesPerFolder: 500,
  /** Versions of one file: deleting a file removes them all in one transaction (at most 100 items). */
  versions: 50,
} as const;

/** Where a version is: its ticket issued, its file arrived and being previewed, previewed, or refused. */
export const VERSION_STATUSES = ['uploading', 'processing', 'ready', 'failed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** "12.4 MB": sizes as the Files tab and its limits show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
