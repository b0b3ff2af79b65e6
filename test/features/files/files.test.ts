// A project's Files tab against the local stack: only shared files (and a contact's own uploads)
// reach the portal, versions keep their history and each downloads, clients upload only where and
// what they may and the lead hears of it, delete rules, bad input, and files the previews cannot show.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../../local/demo-media.ts';
import { s3 } from '../../../shared/adapters/storage.ts';
import { config, limits } from '../../../shared/config.ts';
import { objects } from '../../../shared/data/objects.ts';
import { consume } from '../../../shared/data/rate-limit.ts';
import { clientBytesLimit } from '../../../shared/features/files/domain/uploads.ts';
import { DASHBOARD, mailbox } from '../../support/http.ts';
import { storedLines } from '../../support/snapshot.ts';
import { type TenantFixture, tenantFixture } from '../../support/tenants.ts';
import { newFolder, pngOf, portalFiles, sendBytes, settled, studioFiles, studioFolders, upload } from './actors.ts';

let t: TenantFixture;
let projectId: string;
/** A folder without client uploads, one with. */
let closed: string;
let open: string;

type Listed = { fileId: string; name: string; mine?: boolean; versions: { version: number; status: string }[] };
const idsOf = (body: { files: Listed[] }) => body.files.map((f) => f.fileId);

beforeAll(async () => {
  t = await tenantFixture('Files');
  const [ava, ben] = t.clients;
  projectId = ava.projectId;
  // Both contacts on Ava's project: what one uploads, the other must not see until it is shared.
  const both = await t.studio.call(DASHBOARD, 'PATCH', `/api/studio/projects/${projectId}`, {
    json: { contactIds: [ava.clientId, ben.clientId] },
  });
  expect(both.status, both.text).toBe(200);
  closed = await newFolder(t.studio, projectId, 'Final artwork');
  open = ava.folderId;
}, 180_000);

const studioUpload = (folderId: string, fileName: string, contentType: string, bytes: Uint8Array, shared = false) =>
  upload(t.studio, DASHBOARD, studioFiles(projectId, '/uploads'), { folderId, fileName, contentType, shared }, bytes);

describe('sharing', () => {
  it('keeps an unshared file from the contacts, shows it once shared (activity: file_shared), hides it again unshared', async () => {
    const [ava, ben] = t.clients;
    const sent = await studioUpload(closed, 'Logo concepts.png', 'image/png', await pngOf(3));
    expect(sent.completed.status, sent.completed.text).toBe(200);
    expect(sent.completed.body.file.shared).toBe(false);
    const { version } = await settled(t.studio, projectId, sent.fileId);
    expect(version).toMatchObject({ status: 'ready', preview: { kind: 'image', state: 'ready' } });
    expect(version.thumbUrl).toMatch(/^http/);

    const hidden = await ava.browser.get(t.portalHost, portalFiles(projectId));
    expect(hidden.status, hidden.text).toBe(200);
    expect(idsOf(hidden.body)).not.toContain(sent.fileId);
    expect(hidden.text).not.toContain('Logo concepts');
    // A folder holding only unshared files is not shown either (its name is the team's).
    expect(hidden.body.folders.map((f: { folderId: string }) => f.folderId)).not.toContain(closed);
    expect((await ava.browser.get(t.portalHost, portalFiles(projectId, `/${sent.fileId}/versions/1/download`))).status).toBe(404);

    const share = await t.studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${sent.fileId}`), { json: { shared: true } });
    expect(share.status, share.text).toBe(200);
    for (const contact of [ava, ben]) {
      const seen = await contact.browser.get(t.portalHost, portalFiles(projectId));
      const file = seen.body.files.find((f: Listed) => f.fileId === sent.fileId);
      expect(file).toMatchObject({ name: 'Logo concepts.png', mine: false, current: { version: 1, status: 'ready' } });
      expect(file.current.thumbUrl).toMatch(/^http/);
      expect(seen.body.folders.map((f: { folderId: string }) => f.folderId)).toContain(closed);
    }
    const download = await ava.browser.get(t.portalHost, portalFiles(projectId, `/${sent.fileId}/versions/1/download`));
    expect(download.status, download.text).toBe(200);
    expect(download.body.fileName).toBe('Logo concepts.png');
    const got = await fetch(download.body.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(await pngOf(3))).toBe(true);
    const project = await ava.browser.get(t.portalHost, `/api/portal/projects/${projectId}`);
    expect(project.body.project.activity.find((a: { kind: string }) => a.kind === 'file_shared')?.text).toBe('Logo concepts.png shared');

    const unshare = await t.studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${sent.fileId}`), { json: { shared: false } });
    expect(unshare.status).toBe(200);
    expect(idsOf((await ben.browser.get(t.portalHost, portalFiles(projectId))).body)).not.toContain(sent.fileId);
  });

  it('starts a studio upload shared when asked, and the contacts see it once it arrived', async () => {
    const [ava] = t.clients;
    const started = await t.studio.post(DASHBOARD, studioFiles(projectId, '/uploads'), {
      folderId: closed,
      fileName: 'Brief.txt',
      contentType: 'text/plain',
      size: 5,
      shared: true,
    });
    expect(started.status, started.text).toBe(201);
    // Ticketed, not arrived: not the contacts' yet.
    expect(idsOf((await ava.browser.get(t.portalHost, portalFiles(projectId))).body)).not.toContain(started.body.file.fileId);
    await sendBytes(started.body.ticket, Buffer.from('hello'));
    const done = await t.studio.post(DASHBOARD, studioFiles(projectId, `/${started.body.file.fileId}/versions/1/complete`), {});
    expect(done.status, done.text).toBe(200);
    expect(idsOf((await ava.browser.get(t.portalHost, portalFiles(projectId))).body)).toContain(started.body.file.fileId);
    const { version } = await settled(t.studio, projectId, started.body.file.fileId);
    expect(version.preview).toMatchObject({ kind: 'file', state: 'ready' });
  });
});

describe('client uploads', () => {
  it("shows a contact's upload to them and the studio at once, not to the other contact; the lead gets an email", async () => {
    const [ava, ben] = t.clients;
    const toLead = async () => (await mailbox()).filter((m) => m.to.includes(t.owner.email) && m.subject.includes('uploaded a file'));
    const mailsBefore = (await toLead()).length;
    const sent = await upload(
      ava.browser,
      t.portalHost,
      portalFiles(projectId, '/uploads'),
      { folderId: open, fileName: 'Our old logo.png', contentType: 'image/png' },
      await pngOf(9),
    );
    expect(sent.started.body.ticket.put.headers['content-type']).toBe('image/png');
    expect(sent.completed.status, sent.completed.text).toBe(200);
    expect(sent.completed.body.file).toMatchObject({ mine: true, name: 'Our old logo.png' });

    const studioTab = await t.studio.get(DASHBOARD, studioFiles(projectId));
    expect(studioTab.body.files.find((f: Listed) => f.fileId === sent.fileId)).toMatchObject({
      shared: false,
      uploadedBy: { kind: 'client', name: ava.name },
    });
    const mine = await ava.browser.get(t.portalHost, portalFiles(projectId));
    expect(mine.body.files.find((f: Listed) => f.fileId === sent.fileId)).toMatchObject({ mine: true });
    const theirs = await ben.browser.get(t.portalHost, portalFiles(projectId));
    expect(idsOf(theirs.body)).not.toContain(sent.fileId);
    expect(theirs.text).not.toContain('Our old logo');
    expect((await ben.browser.get(t.portalHost, portalFiles(projectId, `/${sent.fileId}/versions/1/download`))).status).toBe(404);
    // Ben cannot finish Ava's upload either.
    expect((await ben.browser.post(t.portalHost, portalFiles(projectId, `/${sent.fileId}/versions/1/complete`), {})).status).toBe(404);

    const mails = (await toLead()).filter((m) => m.text.includes('Our old logo.png'));
    expect(mails).toHaveLength(1);
    expect((await toLead()).length).toBe(mailsBefore + 1);
    expect(mails[0]?.subject).toContain(`${ava.name} uploaded a file`);
    expect(mails[0]?.text).toContain('Our old logo.png');
    const activity = (await ben.browser.get(t.portalHost, `/api/portal/projects/${projectId}`)).body.project.activity;
    const entry = activity.find((a: { kind: string }) => a.kind === 'file_uploaded');
    expect(entry.text).toBe(`${ava.name} uploaded a file for the team`);
    // A second completion (a double click) tells nobody again.
    expect((await ava.browser.post(t.portalHost, portalFiles(projectId, `/${sent.fileId}/versions/1/complete`), {})).status).toBe(200);
    expect((await toLead()).length).toBe(mailsBefore + 1);
    await settled(t.studio, projectId, sent.fileId);
  });

  it('refuses folders without client uploads, other types, too large files and a spent hourly budget, changing nothing', async () => {
    const [ava] = t.clients;
    const before = (await storedLines()).lines;
    const start = (body: Record<string, unknown>) =>
      ava.browser.post(t.portalHost, portalFiles(projectId, '/uploads'), {
        folderId: open,
        fileName: 'a.png',
        contentType: 'image/png',
        size: 10,
        ...body,
      });
    const closedFolder = await start({ folderId: closed });
    expect([closedFolder.status, closedFolder.body.error]).toEqual([403, 'uploads_closed']);
    const html = await start({ fileName: 'page.html', contentType: 'text/html' });
    expect([html.status, html.body.error]).toEqual([400, 'file_not_allowed']);
    expect(html.body.message).toContain('You can upload: Images, PDF, Video, Office documents, ZIP, Plain text');
    const exe = await start({ fileName: 'setup.exe', contentType: 'application/x-msdownload' });
    expect(exe.status).toBe(400);
    const big = await start({ size: 500 * 1024 * 1024 + 1 });
    expect([big.status, big.body.error]).toEqual([400, 'file_not_allowed']);
    expect(big.body.message).toContain('files up to 500 MB');
    expect((await start({ folderId: t.clients[1].folderId })).status).toBe(404); // another project's folder
    expect((await storedLines()).lines.filter((l) => !l.includes('"PK":"RATE#'))).toEqual(before.filter((l) => !l.includes('"PK":"RATE#')));

    // The studio may upload what a client may not.
    const studioExe = await t.studio.post(DASHBOARD, studioFiles(projectId, '/uploads'), {
      folderId: open,
      fileName: 'tool.exe',
      contentType: 'application/x-msdownload',
      size: 10,
    });
    expect(studioExe.status, studioExe.text).toBe(201);
    const tooLarge = await t.studio.post(DASHBOARD, studioFiles(projectId, '/uploads'), {
      folderId: open,
      fileName: 'huge.mov',
      contentType: 'video/quicktime',
      size: 5 * 1024 ** 3 + 1,
    });
    expect(tooLarge.status).toBe(400);

    // The hour's budget spent (as by earlier uploads): 429 with Retry-After.
    await consume(clientBytesLimit(), `${t.studioId}#${ava.clientId}`, Date.now(), limits.clientUploadBytesPerHour - 10_000);
    const spent = await start({ size: 20_000 });
    expect(spent.status).toBe(429);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('versions', () => {
  it('keeps the history: each version listed newest first and downloadable under its own name', async () => {
    const [ava] = t.clients;
    const one = await demoPdf(2, 'Brief v1');
    const two = await demoPdf(3, 'Brief v2');
    const first = await studioUpload(closed, 'brief.pdf', 'application/pdf', one, true);
    expect(first.completed.status, first.completed.text).toBe(200);
    const second = await upload(
      t.studio,
      DASHBOARD,
      studioFiles(projectId, `/${first.fileId}/versions`),
      { fileName: 'brief.pdf', contentType: 'application/pdf' },
      two,
    );
    expect(second.version).toBe(2);
    expect(second.completed.status, second.completed.text).toBe(200);
    await settled(t.studio, projectId, first.fileId, 1);
    const { file } = await settled(t.studio, projectId, first.fileId, 2);
    expect(file.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(file.current).toMatchObject({ version: 2, preview: { kind: 'pdf', state: 'ready', pageCount: 3 } });
    expect(file.versions[1].preview.pageCount).toBe(2);

    const seen = (await ava.browser.get(t.portalHost, portalFiles(projectId))).body.files.find((f: Listed) => f.fileId === first.fileId);
    expect(seen.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    for (const [n, bytes, name] of [
      [1, one, 'brief (v1).pdf'],
      [2, two, 'brief (v2).pdf'],
    ] as const) {
      const link = await ava.browser.get(t.portalHost, portalFiles(projectId, `/${first.fileId}/versions/${n}/download`));
      expect(link.status, link.text).toBe(200);
      expect(link.body.fileName).toBe(name);
      const got = await fetch(link.body.url);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    expect((await ava.browser.get(t.portalHost, portalFiles(projectId, `/${first.fileId}/versions/3/download`))).status).toBe(404);
    const activity = (await ava.browser.get(t.portalHost, `/api/portal/projects/${projectId}`)).body.project.activity.map(
      (a: { text: string }) => a.text,
    );
    expect(activity).toContain('brief.pdf: version 2 shared');
  });
});

describe('previews that cannot be made', () => {
  it('gives a zero-byte file and a corrupt PDF a clear state, and they still download', async () => {
    const empty = await studioUpload(closed, 'empty.png', 'image/png', new Uint8Array(0), true);
    expect(empty.completed.status, empty.completed.text).toBe(200);
    const corrupt = await studioUpload(closed, 'broken.pdf', 'application/pdf', Buffer.from('%PDF-1.7 this is not really a PDF'), true);
    expect(corrupt.completed.status, corrupt.completed.text).toBe(200);
    const a = await settled(t.studio, projectId, empty.fileId);
    expect(a.version).toMatchObject({
      status: 'ready',
      thumbUrl: null,
      preview: { state: 'unavailable', reason: 'Preview not available: the file is empty. Upload it again.' },
    });
    const b = await settled(t.studio, projectId, corrupt.fileId);
    expect(b.version.preview).toMatchObject({ kind: 'pdf', state: 'unavailable' });
    expect(b.version.preview.reason).toMatch(/^Preview not available: the PDF is damaged/);
    const link = await t.clients[0].browser.get(t.portalHost, portalFiles(projectId, `/${corrupt.fileId}/versions/1/download`));
    expect(link.status).toBe(200);
  });

  it('refuses an object that is not what its ticket said, with the reason', async () => {
    const started = await t.studio.post(DASHBOARD, studioFiles(projectId, '/uploads'), {
      folderId: closed,
      fileName: 'photo.png',
      contentType: 'image/png',
      size: 20,
    });
    expect(started.status).toBe(201);
    const key = objects.projectFile(t.studioId, projectId, started.body.file.fileId, 1);
    // Written around the ticket: another type and size.
    await s3().send(
      new PutObjectCommand({ Bucket: config.bucketName, Key: key, Body: '<script>alert(1)</script>', ContentType: 'text/html' }),
    );
    const { version } = await settled(t.studio, projectId, started.body.file.fileId);
    expect(version.status).toBe('failed');
    expect(version.failureReason).toContain('not the size it was announced with');
    const done = await t.studio.post(DASHBOARD, studioFiles(projectId, `/${started.body.file.fileId}/versions/1/complete`), {});
    expect([done.status, done.body.error]).toEqual([400, 'upload_refused']);
    expect((await t.studio.get(DASHBOARD, studioFiles(projectId, `/${started.body.file.fileId}/versions/1/download`))).status).toBe(409);
  });
});

describe('rename, move, delete', () => {
  it('renames and moves a file, refuses to delete a folder that holds files, deletes a file with its objects, then the folder', async () => {
    const folder = await newFolder(t.studio, projectId, 'Scratch');
    const target = await newFolder(t.studio, projectId, 'Archive');
    const sent = await studioUpload(folder, 'draft.png', 'image/png', await pngOf(5));
    const { version } = await settled(t.studio, projectId, sent.fileId);
    const moved = await t.studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${sent.fileId}`), {
      json: { name: 'Draft 1.png', folderId: target },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.file).toMatchObject({ name: 'Draft 1.png', folderId: target });
    const counts = (await t.studio.get(DASHBOARD, studioFiles(projectId))).body.folders;
    expect(counts.find((f: { folderId: string }) => f.folderId === folder).fileCount).toBe(0);
    expect(counts.find((f: { folderId: string }) => f.folderId === target).fileCount).toBe(1);

    const full = await t.studio.call(DASHBOARD, 'DELETE', studioFolders(projectId, `/${target}`));
    expect([full.status, full.body.error]).toEqual([409, 'folder_not_empty']);

    const key = objects.projectFile(t.studioId, projectId, sent.fileId, 1);
    const keysBefore = (await storedLines()).lines.filter((l) => l.includes(sent.fileId));
    expect(keysBefore.some((l) => l.includes(key))).toBe(true);
    expect(keysBefore.some((l) => l.includes(version.preview.thumbKey))).toBe(true);
    expect((await t.studio.call(DASHBOARD, 'DELETE', studioFiles(projectId, `/${sent.fileId}`))).status).toBe(204);
    expect((await storedLines()).lines.filter((l) => l.includes(sent.fileId))).toEqual([]);
    expect((await t.studio.call(DASHBOARD, 'DELETE', studioFiles(projectId, `/${sent.fileId}`))).status).toBe(404);
    expect((await t.studio.call(DASHBOARD, 'DELETE', studioFolders(projectId, `/${target}`))).status).toBe(204);
    expect((await t.studio.call(DASHBOARD, 'DELETE', studioFolders(projectId, `/${folder}`))).status).toBe(204);
  });
});

describe('concurrency', () => {
  it('deletes a folder or takes uploads into it, never both: no file is left in a folder that is gone', async () => {
    for (let round = 0; round < 3; round++) {
      const folder = await newFolder(t.studio, projectId, `Race ${round}`);
      const body = { folderId: folder, fileName: 'r.txt', contentType: 'text/plain', size: 3 };
      const [removed, ...uploads] = await Promise.all([
        t.studio.call(DASHBOARD, 'DELETE', studioFolders(projectId, `/${folder}`)),
        ...Array.from({ length: 4 }, () => t.studio.post(DASHBOARD, studioFiles(projectId, '/uploads'), body)),
      ]);
      const made = uploads.filter((u) => u.status === 201).length;
      expect(uploads.every((u) => u.status === 201 || u.status === 404)).toBe(true);
      const tab = (await t.studio.get(DASHBOARD, studioFiles(projectId))).body;
      const inFolder = tab.files.filter((f: { folderId: string }) => f.folderId === folder).length;
      expect(inFolder).toBe(made);
      if (removed.status === 204) expect(made).toBe(0);
      else {
        expect([removed.status, removed.body.error]).toEqual([409, 'folder_not_empty']);
        expect(tab.folders.find((f: { folderId: string }) => f.folderId === folder).fileCount).toBe(made);
      }
    }
  });
});

describe('bad input', () => {
  it('answers a clear 4xx and changes nothing', async () => {
    const [ava, ben] = t.clients;
    const before = (await storedLines()).lines.filter((l) => !l.includes('"PK":"RATE#'));
    const cases: Array<[string, Promise<{ status: number; body: { error?: string } }>, number]> = [
      ['a version that is not a number', t.studio.get(DASHBOARD, studioFiles(projectId, `/${ava.fileId}/versions/one/download`)), 400],
      ['version 0', t.studio.get(DASHBOARD, studioFiles(projectId, `/${ava.fileId}/versions/0/download`)), 400],
      ['a file id that is no id', t.studio.get(DASHBOARD, studioFiles(projectId, '/not-an-id/versions/1/download')), 400],
      ['a folder name on two lines', t.studio.post(DASHBOARD, studioFolders(projectId), { name: 'Final\r\nBcc: x@example.com' }), 400],
      ['an empty folder name', t.studio.post(DASHBOARD, studioFolders(projectId), { name: '  ' }), 400],
      ['an unknown field', t.studio.post(DASHBOARD, studioFolders(projectId), { name: 'A', colour: 'red' }), 400],
      [
        'a path in a file name',
        ava.browser.post(t.portalHost, portalFiles(projectId, '/uploads'), {
          folderId: open,
          fileName: '../x.png',
          contentType: 'image/png',
          size: 3,
        }),
        400,
      ],
      [
        'a negative size',
        ava.browser.post(t.portalHost, portalFiles(projectId, '/uploads'), {
          folderId: open,
          fileName: 'x.png',
          contentType: 'image/png',
          size: -1,
        }),
        400,
      ],
      [
        'no media type',
        ava.browser.post(t.portalHost, portalFiles(projectId, '/uploads'), {
          folderId: open,
          fileName: 'x.png',
          contentType: 'png',
          size: 3,
        }),
        400,
      ],
      ['nothing to change', t.studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${ava.fileId}`), { json: {} }), 400],
      ["another project's file in own project", t.studio.get(DASHBOARD, studioFiles(projectId, `/${ben.fileId}/versions/1/download`)), 404],
      [
        "another project's file, as a contact",
        ava.browser.get(t.portalHost, portalFiles(projectId, `/${ben.fileId}/versions/1/download`)),
        404,
      ],
      [
        "another project's folder as a move target",
        t.studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${ava.fileId}`), { json: { folderId: ben.folderId } }),
        404,
      ],
      [
        "another project's folder",
        t.studio.call(DASHBOARD, 'PATCH', studioFolders(projectId, `/${ben.folderId}`), { json: { name: 'Mine now' } }),
        404,
      ],
      ['a version never uploaded', t.studio.get(DASHBOARD, studioFiles(projectId, `/${ava.fileId}/versions/9/download`)), 404],
    ];
    const failures: string[] = [];
    for (const [what, answer, status] of cases) {
      const got = await answer;
      if (got.status !== status || !got.body?.error) failures.push(`${what}: ${got.status} ${JSON.stringify(got.body)}`);
    }
    expect(failures).toEqual([]);
    expect((await storedLines()).lines.filter((l) => !l.includes('"PK":"RATE#'))).toEqual(before);
  });
});

describe('the demo', () => {
  it("seeds two folders of previewed files; the client sees the shared ones and their own upload, not the team's note", async () => {
    const { seedProjectFiles } = await import('../../../local/demo-files.ts');
    const { findStudioBySlugForTest } = await import('../../support/fixtures.ts');
    const { getStudioUser } = await import('../../../shared/features/studios/index.ts');
    const { getClient } = await import('../../../shared/features/clients/index.ts');
    const [, ben] = t.clients;
    const studio = await findStudioBySlugForTest(t.slug);
    const owner = await getStudioUser(t.ownerUserId);
    const client = await getClient(t.studioId, ben.clientId);
    if (!owner || !client) throw new Error('no owner or client');
    await seedProjectFiles(studio, owner, ben.projectId, client);
    const seen = await ben.browser.get(t.portalHost, portalFiles(ben.projectId));
    const names = seen.body.files.map((f: Listed) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Brand guidelines.pdf', 'Logo on dark.png', 'Launch teaser.webm', 'Our brief.txt']));
    expect(names).not.toContain('Colour notes (team only).txt');
    const pdf = seen.body.files.find((f: Listed) => f.name === 'Brand guidelines.pdf');
    expect(pdf.current.preview).toMatchObject({ kind: 'pdf', state: 'ready', pageCount: 6 });
    const video = seen.body.files.find((f: Listed) => f.name === 'Launch teaser.webm');
    expect(video.current.preview).toMatchObject({ kind: 'video', playable: true });
    expect(video.current.thumbUrl).toMatch(/^http/);
    expect(seen.body.folders.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['Brand guidelines', 'From the client']));
  }, 90_000);
});
