// What a studio and a client do with a project's Files tab in tests: make a folder, upload a real
// file through its ticket (PUT to the local S3, then the completion), wait for the files pipeline.
import sharp from 'sharp';
import { expect } from 'vitest';
import { type Answer, type Browser, DASHBOARD } from '../../support/http.ts';

export const studioFiles = (projectId: string, path = '') => `/api/studio/projects/${projectId}/files${path}`;
export const studioFolders = (projectId: string, path = '') => `/api/studio/projects/${projectId}/folders${path}`;
export const portalFiles = (projectId: string, path = '') => `/api/portal/projects/${projectId}/files${path}`;

/** A small real PNG (a colour square), different per seed. */
export const pngOf = (seed = 0, size = 32) =>
  sharp({ create: { width: size, height: size, channels: 3, background: { r: (seed * 53) % 256, g: 120, b: 200 } } })
    .png()
    .toBuffer();

export async function newFolder(studio: Browser, projectId: string, name: string, clientUploads = false): Promise<string> {
  const made = await studio.post(DASHBOARD, studioFolders(projectId), { name, clientUploads });
  expect(made.status, made.text).toBe(201);
  return made.body.folder.folderId;
}

/** PUTs the bytes as the ticket says (single PUTs only: the test files are small). */
export async function sendBytes(ticket: { put: { url: string; headers: Record<string, string> } | null }, bytes: Uint8Array) {
  if (!ticket.put) throw new Error('expected a single-PUT ticket');
  const res = await fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: bytes });
  expect(res.status, await res.clone().text()).toBe(200);
}

export interface Uploaded {
  fileId: string;
  version: number;
  started: Answer;
  completed: Answer;
}

/**
 * Uploads `bytes` as the studio (host DASHBOARD, studio paths) or a client (a portal host, portal
 * paths): ticket, PUT, completion. `start` is the upload route's path, `body` its body without the size.
 */
export async function upload(
  who: Browser,
  host: string,
  start: string,
  body: Record<string, unknown>,
  bytes: Uint8Array,
): Promise<Uploaded> {
  const started = await who.post(host, start, { ...body, size: bytes.length });
  expect(started.status, started.text).toBe(201);
  await sendBytes(started.body.ticket, bytes);
  const fileId = started.body.file.fileId as string;
  const version = started.body.version as number;
  const base = start.replace(/\/files\/(uploads|[0-9a-f-]{36}\/versions)$/, '/files');
  const completed = await who.post(host, `${base}/${fileId}/versions/${version}/complete`, {});
  return { fileId, version, started, completed };
}

/** The studio's view of a file once its version is out of uploading/processing (the pipeline ran). */
export async function settled(studio: Browser, projectId: string, fileId: string, version = 1, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const tab = await studio.get(DASHBOARD, studioFiles(projectId));
    expect(tab.status, tab.text).toBe(200);
    const file = tab.body.files.find((f: { fileId: string }) => f.fileId === fileId);
    const v = file?.versions.find((x: { version: number }) => x.version === version);
    if (v && (v.status === 'ready' || v.status === 'failed')) return { file, version: v, tab: tab.body };
    if (Date.now() > until) throw new Error(`version ${version} of ${fileId} did not settle: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The tenants' Files fixture: a folder that takes client uploads, and in it a file the client
 * uploaded (a real PNG through its ticket, processed by the pipeline) that the studio then shared.
 */
export async function sharedFileFixture(studio: Browser, client: Browser, portalHost: string, projectId: string, label: string) {
  const folderId = await newFolder(studio, projectId, `Secret folder ${label}`, true);
  const fileName = `SECRET_FILE_${label}.png`;
  const sent = await upload(
    client,
    portalHost,
    portalFiles(projectId, '/uploads'),
    { folderId, fileName, contentType: 'image/png' },
    await pngOf(),
  );
  expect(sent.completed.status, sent.completed.text).toBe(200);
  const { version } = await settled(studio, projectId, sent.fileId);
  expect(version.status).toBe('ready');
  const shared = await studio.call(DASHBOARD, 'PATCH', studioFiles(projectId, `/${sent.fileId}`), { json: { shared: true } });
  expect(shared.status, shared.text).toBe(200);
  return { folderId, fileId: sent.fileId, fileVersion: 1, sharedFileName: fileName };
}
