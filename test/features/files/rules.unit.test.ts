// The Files tab's pure rules, table-driven: who sees which file and version, what a caller may
// upload, whether an upload is what its ticket said.
import { describe, expect, it } from 'vitest';
import { CLIENT_CONTENT_TYPES, formatBytes, mayClientUploadType } from '../../../shared/features/files/constants.ts';
import {
  currentVersion,
  downloadName,
  maySeeFile,
  uploadRefusal,
  type Viewer,
  visibleVersions,
} from '../../../shared/features/files/domain/rules.ts';
import type { FileRecord, VersionRecord } from '../../../shared/features/files/records.ts';
// The one check of an upload against its ticket, shared with gallery uploads.
import { ticketMismatch } from '../../../shared/features/uploads/domain/rules.ts';

const studio: Viewer = { kind: 'studio' };
const ana: Viewer = { kind: 'client', clientId: 'ana' };
const ben: Viewer = { kind: 'client', clientId: 'ben' };
const byStudio = { kind: 'studio', id: 'u1', name: 'Mira' } as const;
const byAna = { kind: 'client', id: 'ana', name: 'Ana' } as const;

const file = (shared: boolean, uploadedBy: FileRecord['uploadedBy'] = byStudio) => ({ shared, uploadedBy });
const v = (version: number, status: VersionRecord['status'], uploadedBy: VersionRecord['uploadedBy'] = byStudio) =>
  ({ version, status, uploadedBy }) as VersionRecord;

describe('who sees a file', () => {
  it.each([
    ['the team, an unshared file', file(false), studio, true],
    ['a contact, an unshared file', file(false), ana, false],
    ['a contact, a shared file', file(true), ana, true],
    ['a contact, their own upload', file(false, byAna), ana, true],
    ["another contact, someone else's upload", file(false, byAna), ben, false],
    ["another contact, someone else's upload once shared", file(true, byAna), ben, true],
  ] as const)('%s → %s', (_, f, viewer, expected) => {
    expect(maySeeFile(f, viewer)).toBe(expected);
  });

  it('shows the team every version, a contact only those that arrived (their own upload too), newest first', () => {
    const versions = [v(1, 'ready'), v(2, 'failed'), v(3, 'processing'), v(4, 'uploading')];
    expect(visibleVersions(file(true), versions, studio).map((x) => x.version)).toEqual([4, 3, 2, 1]);
    expect(visibleVersions(file(true), versions, ana).map((x) => x.version)).toEqual([3, 1]);
    expect(visibleVersions(file(false), versions, ana)).toEqual([]);
    const own = [v(2, 'uploading', byAna), v(1, 'processing', byAna)];
    expect(visibleVersions(file(false, byAna), own, ana).map((x) => x.version)).toEqual([1]);
    expect(visibleVersions(file(false, byAna), own, ben)).toEqual([]);
  });

  it('lists a file by its newest version that arrived', () => {
    expect(currentVersion([v(3, 'uploading'), v(2, 'ready'), v(1, 'ready')])?.version).toBe(2);
    expect(currentVersion([v(1, 'uploading')])?.version).toBe(1);
    expect(currentVersion([])).toBeNull();
  });
});

describe('what may be uploaded', () => {
  const MB = 1024 * 1024;
  it.each([
    [
      'a studio, any type within its size',
      { contentType: 'application/x-sketch', size: 10 * MB },
      { kind: 'studio', maxBytes: 100 * MB },
      null,
    ],
    ['a studio, too large', { contentType: 'image/png', size: 101 * MB }, { kind: 'studio', maxBytes: 100 * MB }, 'size'],
    ['a client, a PDF', { contentType: 'application/pdf', size: MB }, { kind: 'client', maxBytes: 5 * MB }, null],
    [
      'a client, a type with parameters',
      { contentType: 'text/plain; charset=utf-8', size: MB },
      { kind: 'client', maxBytes: 5 * MB },
      null,
    ],
    ['a client, an executable', { contentType: 'application/x-msdownload', size: MB }, { kind: 'client', maxBytes: 5 * MB }, 'contentType'],
    ['a client, HTML', { contentType: 'text/html', size: MB }, { kind: 'client', maxBytes: 5 * MB }, 'contentType'],
    ['a client, too large', { contentType: 'video/mp4', size: 6 * MB }, { kind: 'client', maxBytes: 5 * MB }, 'size'],
  ] as const)('%s → %s', (_, f, caller, field) => {
    expect(uploadRefusal(f, caller)?.field ?? null).toBe(field);
  });

  it('says which types a client may send', () => {
    expect(uploadRefusal({ contentType: 'text/html', size: 1 }, { kind: 'client', maxBytes: 10 })?.message).toBe(
      'Files of type text/html cannot be uploaded here. You can upload: Images, PDF, Video, Office documents, ZIP, Plain text.',
    );
    expect(CLIENT_CONTENT_TYPES.every(mayClientUploadType)).toBe(true);
    expect(formatBytes(500 * 1024 * 1024)).toBe('500 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});

describe('an upload against its ticket', () => {
  it.each([
    ['as announced', { size: 10, contentType: 'image/png' }, null],
    ['as announced, type in other case', { size: 10, contentType: 'IMAGE/PNG' }, null],
    ['shorter', { size: 9, contentType: 'image/png' }, 'size'],
    ['another type', { size: 10, contentType: 'text/html' }, 'type'],
    ['no type', { size: 10, contentType: null }, 'type'],
  ] as const)('%s', (_, stored, problem) => {
    const reason = ticketMismatch({ size: 10, contentType: 'image/png' }, stored);
    expect(reason === null ? null : reason.includes('size') ? 'size' : 'type').toBe(problem);
  });

  it.each([
    ['brief.pdf', 1, 1, 'brief.pdf'],
    ['brief.pdf', 2, 3, 'brief (v2).pdf'],
    ['README', 1, 2, 'README (v1)'],
  ] as const)('downloads %s version %s of %s as %s', (name, n, count, expected) => {
    expect(downloadName(name, n, count)).toBe(expected);
  });
});
