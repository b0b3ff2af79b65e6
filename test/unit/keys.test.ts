import { describe, expect, it } from 'vitest';
import { records as rateLimitRecords, rateWindowKey } from '../../shared/data/rate-limit.ts';
import type { FeatureRecords, KeyRow } from '../../shared/data/records.ts';
import * as auth from '../../shared/features/auth/records.ts';
import * as clients from '../../shared/features/clients/records.ts';
import * as deliverables from '../../shared/features/deliverables/records.ts';
import * as feedback from '../../shared/features/feedback/records.ts';
import * as files from '../../shared/features/files/records.ts';
import * as galleries from '../../shared/features/galleries/records.ts';
import * as projects from '../../shared/features/projects/records.ts';
import * as shareLinks from '../../shared/features/share-links/records.ts';
import * as studios from '../../shared/features/studios/records.ts';
import * as team from '../../shared/features/team/records.ts';

type Key = Record<string, string> | string;

/** Each feature's key builders, with the rows of the key table they must agree with. */
const features = {
  auth: { builders: auth.keys as Record<string, (...a: never[]) => Key>, records: auth.records },
  clients: { builders: clients.keys as Record<string, (...a: never[]) => Key>, records: clients.records },
  galleries: { builders: galleries.keys as Record<string, (...a: never[]) => Key>, records: galleries.records },
  'share-links': { builders: shareLinks.keys as Record<string, (...a: never[]) => Key>, records: shareLinks.records },
  studios: { builders: studios.keys as Record<string, (...a: never[]) => Key>, records: studios.records },
  feedback: { builders: feedback.keys as Record<string, (...a: never[]) => Key>, records: feedback.records },
  projects: { builders: projects.keys as Record<string, (...a: never[]) => Key>, records: projects.records },
  files: { builders: files.keys as Record<string, (...a: never[]) => Key>, records: files.records },
  team: { builders: team.keys as Record<string, (...a: never[]) => Key>, records: team.records },
  deliverables: { builders: deliverables.keys as Record<string, (...a: never[]) => Key>, records: deliverables.records },
  'rate-limit': { builders: { rateWindowKey } as Record<string, (...a: never[]) => Key>, records: rateLimitRecords },
} satisfies Record<string, { builders: Record<string, (...a: never[]) => Key>; records: FeatureRecords }>;
type Feature = keyof typeof features;

// Every builder, called with sample ids, and the exact key it must build.
const table: [Feature, string, () => Key, Key][] = [
  ['auth', 'magicLink', () => auth.keys.magicLink('ab12'), { PK: 'MAGIC#ab12', SK: 'MAGIC' }],
  ['auth', 'emailVerification', () => auth.keys.emailVerification('ef56'), { PK: 'EMAILVERIFY#ef56', SK: 'EMAILVERIFY' }],
  ['auth', 'signUpCode', () => auth.keys.signUpCode('cd34'), { PK: 'SIGNUPCODE#cd34', SK: 'SIGNUPCODE' }],
  ['clients', 'client', () => clients.keys.client('s1', 'c1'), { PK: 'STUDIO#s1', SK: 'CLIENT#c1' }],
  ['clients', 'clientPrefix', () => clients.keys.clientPrefix('s1'), { PK: 'STUDIO#s1', SKPrefix: 'CLIENT#' }],
  [
    'clients',
    'clientEmail',
    () => clients.keys.clientEmail('s1', 'ana@example.com'),
    { PK: 'STUDIO#s1', SK: 'CLIENTEMAIL#ana@example.com' },
  ],
  ['projects', 'project', () => projects.keys.project('s1', 'p1'), { PK: 'STUDIO#s1', SK: 'PROJECT#p1' }],
  ['projects', 'studioProjects', () => projects.keys.studioProjects('s1'), { PK: 'STUDIO#s1', SKPrefix: 'PROJECT#' }],
  ['projects', 'projectPartition', () => projects.keys.projectPartition('p1'), 'PROJECT#p1'],
  ['projects', 'seat', () => projects.keys.seat('p1', 'c1'), { PK: 'PROJECT#p1', SK: 'SEAT#c1' }],
  ['projects', 'seatIndex', () => projects.keys.seatIndex('c1', 'p1'), { GSI1PK: 'CLIENT#c1', GSI1SK: 'PROJECT#p1' }],
  [
    'projects',
    'activity',
    () => projects.keys.activity('p1', '2026-01-01T00:00:00.000Z', 'a1'),
    { PK: 'PROJECT#p1', SK: 'ACTIVITY#8232774399999#a1' },
  ],
  ['projects', 'projectActivity', () => projects.keys.projectActivity('p1'), { PK: 'PROJECT#p1', SKPrefix: 'ACTIVITY#' }],
  ['projects', 'clientIndex', () => projects.keys.clientIndex('c1'), { GSI1PK: 'CLIENT#c1' }],
  ['files', 'folder', () => files.keys.folder('p1', 'f1'), { PK: 'PROJECT#p1', SK: 'FOLDER#f1' }],
  ['files', 'file', () => files.keys.file('p1', 'x1'), { PK: 'PROJECT#p1', SK: 'FILE#x1' }],
  ['files', 'version', () => files.keys.version('p1', 'x1', 7), { PK: 'PROJECT#p1', SK: 'FILE#x1#V#0007' }],
  ['files', 'filesTab', () => files.keys.filesTab('p1'), { PK: 'PROJECT#p1', SKFrom: 'FILE#', SKTo: 'FOLDER$' }],
  ['files', 'fileWithVersions', () => files.keys.fileWithVersions('p1', 'x1'), { PK: 'PROJECT#p1', SKPrefix: 'FILE#x1' }],
  ['files', 'folders', () => files.keys.folders('p1'), { PK: 'PROJECT#p1', SKPrefix: 'FOLDER#' }],
  ['galleries', 'gallery', () => galleries.keys.gallery('s1', 'g1'), { PK: 'STUDIO#s1', SK: 'GALLERY#g1' }],
  ['galleries', 'galleryIndex', () => galleries.keys.galleryIndex('c1', 'g1'), { GSI1PK: 'CLIENT#c1', GSI1SK: 'GALLERY#g1' }],
  ['galleries', 'clientGalleriesIndex', () => galleries.keys.clientGalleriesIndex('c1'), { GSI1PK: 'CLIENT#c1', GSI1SKPrefix: 'GALLERY#' }],
  ['galleries', 'studioGalleries', () => galleries.keys.studioGalleries('s1'), { PK: 'STUDIO#s1', SKPrefix: 'GALLERY#' }],
  ['galleries', 'galleryPartition', () => galleries.keys.galleryPartition('g1'), 'GALLERY#g1'],
  ['galleries', 'image', () => galleries.keys.image('g1', 'i1'), { PK: 'GALLERY#g1', SK: 'IMAGE#i1' }],
  ['galleries', 'imageDeletion', () => galleries.keys.imageDeletion('g1', 'i1'), { PK: 'GALLERY#g1', SK: 'DELETING#i1' }],
  ['galleries', 'selection', () => galleries.keys.selection('g1', 'c1'), { PK: 'GALLERY#g1', SK: 'SELECTION#c1' }],
  ['galleries', 'pick', () => galleries.keys.pick('g1', 'c1', 'i1'), { PK: 'GALLERY#g1', SK: 'PICK#c1#i1' }],
  ['galleries', 'favourite', () => galleries.keys.favourite('g1', 'c1', 'i1'), { PK: 'GALLERY#g1', SK: 'FAV#c1#i1' }],
  [
    'galleries',
    'comment',
    () => galleries.keys.comment('g1', 'i1', '2025-06-15T12:00:00.000Z', 'm1'),
    { PK: 'GALLERY#g1', SK: 'COMMENT#i1#2025-06-15T12:00:00.000Z#m1' },
  ],
  ['galleries', 'commentsOfImage', () => galleries.keys.commentsOfImage('g1', 'i1'), { PK: 'GALLERY#g1', SKPrefix: 'COMMENT#i1#' }],
  ['galleries', 'commentsOfGallery', () => galleries.keys.commentsOfGallery('g1'), { PK: 'GALLERY#g1', SKPrefix: 'COMMENT#' }],
  ['galleries', 'commentRef', () => galleries.keys.commentRef('g1', 'm1'), { PK: 'GALLERY#g1', SK: 'COMMENTREF#m1' }],
  ['galleries', 'submission', () => galleries.keys.submission('g1', 'sub1'), { PK: 'GALLERY#g1', SK: 'SUBMISSION#sub1' }],
  ['galleries', 'submissionsOf', () => galleries.keys.submissionsOf('g1'), { PK: 'GALLERY#g1', SKPrefix: 'SUBMISSION#' }],
  ['galleries', 'activity', () => galleries.keys.activity('g1', 'c1'), { PK: 'GALLERY#g1', SK: 'ACTIVITY#c1' }],
  ['galleries', 'activityOf', () => galleries.keys.activityOf('g1'), { PK: 'GALLERY#g1', SKPrefix: 'ACTIVITY#' }],
  ['galleries', 'zipJob', () => galleries.keys.zipJob('g1', 'z1'), { PK: 'GALLERY#g1', SK: 'ZIPJOB#z1' }],
  ['galleries', 'zipSlot', () => galleries.keys.zipSlot('g1', 'c1', 0), { PK: 'GALLERY#g1', SK: 'ZIPSLOT#c1#0' }],
  ['galleries', 'zipSlotsOf', () => galleries.keys.zipSlotsOf('g1', 'c1'), { PK: 'GALLERY#g1', SKPrefix: 'ZIPSLOT#c1#' }],
  ['galleries', 'zipSet', () => galleries.keys.zipSet('g1', 'c1', 'f1'), { PK: 'GALLERY#g1', SK: 'ZIPSET#c1#f1' }],
  ['galleries', 'shareLink', () => galleries.keys.shareLink('g1', 'l1'), { PK: 'GALLERY#g1', SK: 'SHARELINK#l1' }],
  ['galleries', 'shareLinksOf', () => galleries.keys.shareLinksOf('g1'), { PK: 'GALLERY#g1', SKPrefix: 'SHARELINK#' }],
  ['galleries', 'galleryView', () => galleries.keys.galleryView('g1'), { PK: 'GALLERY#g1', SKFrom: 'FAV#', SKTo: 'SELECTION$' }],
  ['share-links', 'shareToken', () => shareLinks.keys.shareToken('cd34'), { PK: 'SHARE#cd34', SK: 'SHARE' }],
  ['share-links', 'sharePass', () => shareLinks.keys.sharePass('cd34', '127.0.0.9'), { PK: 'SHARE#cd34', SK: 'PASS#127.0.0.9' }],
  ['studios', 'studio', () => studios.keys.studio('s1'), { PK: 'STUDIO#s1', SK: 'STUDIO' }],
  ['studios', 'slug', () => studios.keys.slug('lumen'), { PK: 'SLUG#lumen', SK: 'SLUG' }],
  ['studios', 'domain', () => studios.keys.domain('photos.example.com'), { PK: 'DOMAIN#photos.example.com', SK: 'DOMAIN' }],
  ['studios', 'studioUser', () => studios.keys.studioUser('sub-1'), { PK: 'STUDIOUSER#sub-1', SK: 'STUDIOUSER' }],
  [
    'feedback',
    'feedback',
    () => feedback.keys.feedback('s1', '2026-01-01T00:00:00.000Z', 'f1'),
    { PK: 'STUDIO#s1', SK: `FEEDBACK#${9_999_999_999_999 - Date.parse('2026-01-01T00:00:00.000Z')}#f1` },
  ],
  ['feedback', 'feedbackOfStudio', () => feedback.keys.feedbackOfStudio('s1'), { PK: 'STUDIO#s1', SKPrefix: 'FEEDBACK#' }],
  ['feedback', 'task', () => feedback.keys.task('p1', 'f1'), { PK: 'PROJECT#p1', SK: 'TASK#f1' }],
  ['feedback', 'projectTasks', () => feedback.keys.projectTasks('p1'), { PK: 'PROJECT#p1', SKPrefix: 'TASK#' }],
  [
    'feedback',
    'inboxEntry',
    () => feedback.keys.inboxEntry('s1', 'u1', null, '2026-01-01T00:00:00.000Z', 'f1'),
    { GSI1PK: 'INBOX#s1#u1', GSI1SK: 'TASK#9999-12-31#2026-01-01T00:00:00.000Z#f1' },
  ],
  ['feedback', 'inbox', () => feedback.keys.inbox('s1', 'u1'), { GSI1PK: 'INBOX#s1#u1', GSI1SKPrefix: 'TASK#' }],
  [
    'studios',
    'studioListIndex',
    () => studios.keys.studioListIndex('2026-01-01T00:00:00.000Z', 's1'),
    { GSI1PK: 'STUDIOS', GSI1SK: 'STUDIO#2026-01-01T00:00:00.000Z#s1' },
  ],
  ['studios', 'studioList', () => studios.keys.studioList(), { GSI1PK: 'STUDIOS', GSI1SKPrefix: 'STUDIO#' }],
  [
    'studios',
    'studioUserIndex',
    () => studios.keys.studioUserIndex('s1', 'ana@example.com'),
    { GSI1PK: 'STUDIO#s1', GSI1SK: 'USER#ana@example.com' },
  ],
  ['studios', 'studioUsersIndex', () => studios.keys.studioUsersIndex('s1'), { GSI1PK: 'STUDIO#s1', GSI1SKPrefix: 'USER#' }],
  ['team', 'invitation', () => team.keys.invitation('s1', 'i1'), { PK: 'STUDIO#s1', SK: 'TEAMINVITE#i1' }],
  ['team', 'studioInvitations', () => team.keys.studioInvitations('s1'), { PK: 'STUDIO#s1', SKPrefix: 'TEAMINVITE#' }],
  ['team', 'invitationToken', () => team.keys.invitationToken('ab12'), { PK: 'TEAMTOKEN#ab12', SK: 'TEAMTOKEN' }],
  ['deliverables', 'deliverable', () => deliverables.keys.deliverable('p1', 'd1'), { PK: 'PROJECT#p1', SK: 'DELIVERABLE#d1' }],
  [
    'deliverables',
    'deliverableItems',
    () => deliverables.keys.deliverableItems('p1', 'd1'),
    { PK: 'PROJECT#p1', SKPrefix: 'DELIVERABLE#d1' },
  ],
  [
    'deliverables',
    'projectDeliverables',
    () => deliverables.keys.projectDeliverables('p1'),
    { PK: 'PROJECT#p1', SKPrefix: 'DELIVERABLE#' },
  ],
  ['deliverables', 'version', () => deliverables.keys.version('p1', 'd1', 7), { PK: 'PROJECT#p1', SK: 'DELIVERABLE#d1#V#0007' }],
  [
    'deliverables',
    'decision',
    () => deliverables.keys.decision('p1', 'd1', 12, 'c1'),
    { PK: 'PROJECT#p1', SK: 'DELIVERABLE#d1#V#0012#D#c1' },
  ],
  ['deliverables', 'comment', () => deliverables.keys.comment('p1', 'd1', 1, 'm1'), { PK: 'PROJECT#p1', SK: 'DELIVERABLE#d1#V#0001#C#m1' }],
  ['deliverables', 'reviewRequest', () => deliverables.keys.reviewRequest('p1', 'd1', 'c1'), { PK: 'PROJECT#p1', SK: 'REVIEW#d1#c1' }],
  ['deliverables', 'openReview', () => deliverables.keys.openReview('s1', 'd1', 'c1'), { PK: 'STUDIO#s1', SK: 'REVIEWOPEN#d1#c1' }],
  ['deliverables', 'studioOpenReviews', () => deliverables.keys.studioOpenReviews('s1'), { PK: 'STUDIO#s1', SKPrefix: 'REVIEWOPEN#' }],
  [
    'deliverables',
    'reviewRequestIndex',
    () => deliverables.keys.reviewRequestIndex('c1', null, 'd1'),
    { GSI1PK: 'CLIENT#c1', GSI1SK: 'REVIEW#9999-12-31#d1' },
  ],
  [
    'deliverables',
    'reminder',
    () => deliverables.keys.reminder('2026-03-01', 's1', 'p1', 'd1', 'c1'),
    { PK: 'REMINDER#2026-03-01', SK: 'REVIEW#s1#p1#d1#c1' },
  ],
  ['deliverables', 'remindersDue', () => deliverables.keys.remindersDue('2026-03-01'), { PK: 'REMINDER#2026-03-01' }],
  ['deliverables', 'reminded', () => deliverables.keys.reminded('c1', '2026-03-01'), { PK: 'REMINDED#c1#2026-03-01', SK: 'REMINDED' }],
  ['rate-limit', 'rateWindowKey', () => rateWindowKey('sharepw', 'l1', 1_749_988_800), { PK: 'RATE#sharepw#l1', SK: '1749988800' }],
];

/** Which column of the key table each attribute of a built key is declared in. */
const COLUMN: Record<string, keyof KeyRow> = {
  PK: 'PK',
  SK: 'SK',
  SKPrefix: 'SK',
  SKFrom: 'SK',
  GSI1PK: 'GSI1PK',
  GSI1SK: 'GSI1SK',
  GSI1SKPrefix: 'GSI1SK',
};

/**
 * Whether a table cell declares a built value: a value with a '#' must share the cell's text up
 * to its first '#'; one without is a constant the cell must say, unless the cell is a single
 * placeholder (the value is the whole key, like a rate window's start).
 */
function declares(cell: string | true | undefined, value: string): boolean {
  if (typeof cell !== 'string') return false;
  const hash = value.indexOf('#');
  if (hash >= 0) return cell.startsWith(value.slice(0, hash + 1));
  return cell === value || /^<[^<>]+>$/.test(cell);
}

describe('key builders', () => {
  it('are each in the table once', () => {
    const built = table.map(([feature, builder]) => `${feature}.${builder}`);
    const declared = Object.entries(features).flatMap(([feature, { builders }]) => Object.keys(builders).map((b) => `${feature}.${b}`));
    expect(new Set(built).size).toBe(built.length);
    expect(built.toSorted()).toEqual(declared.toSorted());
  });

  it.each(table)('%s %s builds the exact key', (_, __, build, expected) => {
    expect(build()).toEqual(expected);
  });

  it.each(table)("%s %s writes prefixes a row of its feature's key table declares", (feature, _, build) => {
    const key = build();
    // The gallery partition's bare key is the PK of the items in it.
    const { SKTo: _rangeEnd, ...attributes } = typeof key === 'string' ? { PK: key } : key;
    // A range's end is just past a declared prefix, not a prefix itself: the next test places it.
    const rows = features[feature].records.rows;
    const matching = rows.filter((row) => Object.entries(attributes).every(([name, value]) => declares(row[COLUMN[name]!], value)));
    expect(matching, `no row of ${features[feature].records.feature} declares ${JSON.stringify(attributes)}`).not.toEqual([]);
  });

  it('tell the gallery partition items apart by the prefixes its one Query reads', () => {
    const sortKeys = [
      galleries.keys.image('g1', 'i1').SK,
      galleries.keys.imageDeletion('g1', 'i1').SK,
      galleries.keys.selection('g1', 'c1').SK,
      galleries.keys.pick('g1', 'c1', 'i1').SK,
      galleries.keys.favourite('g1', 'c1', 'i1').SK,
      galleries.keys.comment('g1', 'i1', 'at', 'm1').SK,
      galleries.keys.commentRef('g1', 'm1').SK,
      galleries.keys.submission('g1', 'sub1').SK,
      galleries.keys.activity('g1', 'c1').SK,
      galleries.keys.zipJob('g1', 'z1').SK,
      galleries.keys.zipSlot('g1', 'c1', 0).SK,
      galleries.keys.zipSet('g1', 'c1', 'f1').SK,
      galleries.keys.shareLink('g1', 'l1').SK,
    ];
    const prefixes = Object.values(galleries.PARTITION_ITEM);
    expect(sortKeys.map((sk) => prefixes.filter((p) => sk.startsWith(p)))).toEqual(prefixes.map((p) => [p]));
  });

  // The gallery's view reads one sort-key range: everything it shows inside, every list it must
  // never read (a thread of thousands of comments above all) outside. Table-driven, by record.
  const range = galleries.keys.galleryView('g1');
  const inRange = (sk: string) => sk >= range.SKFrom && sk <= range.SKTo;
  it.each([
    ['an image', galleries.keys.image('g1', 'ffffffff-ffff').SK, true],
    ['a pick', galleries.keys.pick('g1', 'ffff', 'ffff').SK, true],
    ['a favourite', galleries.keys.favourite('g1', '0000', '0000').SK, true],
    ['a selection state', galleries.keys.selection('g1', 'ffffffff-ffff-4fff-bfff-ffffffffffff').SK, true],
    ['a selection state of any id', galleries.keys.selection('g1', '~~~~').SK, true],
    ['a comment', galleries.keys.comment('g1', 'ffff', '2099-12-31T23:59:59.999Z', 'ffff').SK, false],
    ["a thread's pointer", galleries.keys.commentRef('g1', 'ffff').SK, false],
    ['an activity record', galleries.keys.activity('g1', 'ffff').SK, false],
    ['an image removal note', galleries.keys.imageDeletion('g1', 'ffff').SK, false],
    ['a share link', galleries.keys.shareLink('g1', '0000').SK, false],
    ['a submission', galleries.keys.submission('g1', '0000').SK, false],
    ['a ZIP job', galleries.keys.zipJob('g1', '0000').SK, false],
    ['a ZIP slot', galleries.keys.zipSlot('g1', '0000', 0).SK, false],
    ['a ZIP set', galleries.keys.zipSet('g1', '0000', '0').SK, false],
  ])("the gallery's view range holds %s: %s", (_, sk, expected) => {
    expect(inRange(sk)).toBe(expected);
  });

  // The Files tab reads one sort-key range of the project partition: folders, files and versions
  // inside; the project's seats and activity (and other features' items) outside.
  const tab = files.keys.filesTab('p1');
  const inTab = (sk: string) => sk >= tab.SKFrom && sk <= tab.SKTo;
  it.each([
    ['a folder', files.keys.folder('p1', 'ffffffff-ffff-4fff-bfff-ffffffffffff').SK, true],
    ['a file', files.keys.file('p1', '00000000-0000-4000-8000-000000000000').SK, true],
    ['a version', files.keys.version('p1', 'ffffffff-ffff-4fff-bfff-ffffffffffff', 9999).SK, true],
    ['a contact seat', projects.keys.seat('p1', '0000').SK, false],
    ['an activity entry', projects.keys.activity('p1', '2026-01-01T00:00:00.000Z', 'a1').SK, false],
  ])("the Files tab's range holds %s: %s", (_, sk, expected) => {
    expect(inTab(sk)).toBe(expected);
  });
});
