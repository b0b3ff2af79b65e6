// The demo's shared files for a project (issue 11's agency demo): two folders through the same
// domain code the API uses, the bytes put where the tickets point, then the files pipeline makes
// the previews. "Brand guidelines" holds a shared PDF of several pages, a shared image and video,
// and an unshared working file; "From the client" takes client uploads and holds one.
import { putObject } from '../shared/adapters/storage.ts';
import { objects } from '../shared/data/objects.ts';
import type { Client } from '../shared/features/clients/index.ts';
import { studioFilesTab } from '../shared/features/files/domain/files.ts';
import { createFolder } from '../shared/features/files/domain/folders.ts';
import {
  completeClientUpload,
  completeStudioUpload,
  startClientUpload,
  startStudioUpload,
} from '../shared/features/files/domain/uploads.ts';
import type { Studio, StudioUser } from '../shared/features/studios/index.ts';
import { demoLogo } from './demo-images.ts';
import { demoPdf, demoVideo } from './demo-media.ts';

interface DemoFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  shared: boolean;
}

export async function seedProjectFiles(studio: Studio, owner: StudioUser, projectId: string, client: Client): Promise<void> {
  const session = { studio, user: owner };
  const guidelines = await createFolder(session, projectId, { name: 'Brand guidelines' });
  const fromClient = await createFolder(session, projectId, { name: 'From the client', clientUploads: true });
  const files: DemoFile[] = [
    { name: 'Brand guidelines.pdf', contentType: 'application/pdf', bytes: await demoPdf(6, 'Brand guidelines'), shared: true },
    { name: 'Logo on dark.png', contentType: 'image/png', bytes: await demoLogo('F', '#1f3a5f'), shared: true },
    { name: 'Launch teaser.webm', contentType: 'video/webm', bytes: await demoVideo({ seconds: 2 }), shared: true },
    {
      name: 'Colour notes (team only).txt',
      contentType: 'text/plain',
      bytes: Buffer.from('Try the warmer red on print proofs.\n'),
      shared: false,
    },
  ];
  for (const f of files) {
    const started = await startStudioUpload(session, projectId, {
      folderId: guidelines.folderId,
      fileName: f.name,
      contentType: f.contentType,
      size: f.bytes.length,
      shared: f.shared,
    });
    const key = objects.projectFile(studio.studioId, projectId, started.file.fileId, 1);
    await putObject(key, f.bytes, f.contentType);
    await completeStudioUpload(session, projectId, started.file.fileId, 1, {});
  }
  const brief = Buffer.from('Our brief: a calm, confident identity for the spring launch.\n');
  const up = await startClientUpload({ studio, client }, projectId, {
    folderId: fromClient.folderId,
    fileName: 'Our brief.txt',
    contentType: 'text/plain',
    size: brief.length,
  });
  await putObject(objects.projectFile(studio.studioId, projectId, up.file.fileId, 1), brief, 'text/plain');
  await completeClientUpload({ studio, client }, projectId, up.file.fileId, 1, {});
  await untilPreviewed(session, projectId);
}

/** `npm start` is ready when the previews are: polls the Files tab until no version is still on its way. */
async function untilPreviewed(session: { studio: Studio; user: StudioUser }, projectId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tab = await studioFilesTab(session, projectId);
    const waiting = tab.files.filter((f) => f.versions.some((v) => v.status === 'uploading' || v.status === 'processing'));
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`The files pipeline did not preview ${waiting.map((f) => f.name).join(', ')} in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
