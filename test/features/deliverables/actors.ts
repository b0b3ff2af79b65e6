// What the deliverables tests (and the tenant fixtures) do as the studio and its clients: create
// a deliverable, upload a version through its ticket and wait for the pipeline, send it.
import { expect } from 'vitest';
import { type Browser, DASHBOARD } from '../../support/http.ts';

export const studioPath = (projectId: string, deliverableId = '', rest = '') =>
  `/api/studio/projects/${projectId}/deliverables${deliverableId ? `/${deliverableId}` : ''}${rest}`;
export const portalPath = (projectId: string, deliverableId = '', rest = '') =>
  `/api/portal/projects/${projectId}/deliverables${deliverableId ? `/${deliverableId}` : ''}${rest}`;

export async function createDeliverable(studio: Browser, projectId: string, body: Record<string, unknown> = {}): Promise<string> {
  const created = await studio.post(DASHBOARD, studioPath(projectId), { title: 'Logo concepts', ...body });
  expect(created.status, created.text).toBe(201);
  return created.body.deliverable.deliverableId;
}

/** Starts a version, PUTs the file through its ticket, and answers its number (not waiting for the preview). */
export async function uploadVersion(
  studio: Browser,
  projectId: string,
  deliverableId: string,
  file: { name: string; type: string; bytes: Uint8Array },
): Promise<number> {
  const started = await studio.post(DASHBOARD, studioPath(projectId, deliverableId, '/versions'), {
    fileName: file.name,
    contentType: file.type,
    size: file.bytes.length,
  });
  expect(started.status, started.text).toBe(201);
  const put = started.body.ticket.put as { url: string; headers: Record<string, string> };
  const res = await fetch(put.url, { method: 'PUT', headers: put.headers, body: file.bytes });
  expect(res.status, await res.clone().text()).toBe(200);
  return started.body.version;
}

/** The studio's view once the version is ready or failed (the pipeline runs on the object event). */
export async function settledVersion(studio: Browser, projectId: string, deliverableId: string, version: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await studio.get(DASHBOARD, studioPath(projectId, deliverableId));
    const v = seen.body.deliverable.versions.find((x: { version: number }) => x.version === version);
    if (v && (v.status === 'ready' || v.status === 'failed')) return v;
    if (Date.now() > deadline) throw new Error(`version ${version} still ${v?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function sendVersion(
  studio: Browser,
  projectId: string,
  deliverableId: string,
  version: number,
  body: Record<string, unknown> = {},
) {
  const sent = await studio.post(DASHBOARD, studioPath(projectId, deliverableId, `/versions/${version}/send`), body);
  expect(sent.status, sent.text).toBe(200);
  return sent.body.deliverable;
}

/** A deliverable with version 1 (a small text file) sent for review: what fixtures need. */
export async function sentDeliverable(
  studio: Browser,
  projectId: string,
  title = 'Logo concepts',
): Promise<{ deliverableId: string; version: number }> {
  const deliverableId = await createDeliverable(studio, projectId, { title, dueDate: '2099-01-31' });
  const version = await uploadVersion(studio, projectId, deliverableId, {
    name: 'brief.txt',
    type: 'text/plain',
    bytes: new TextEncoder().encode(`The brief for ${title}.`),
  });
  expect((await settledVersion(studio, projectId, deliverableId, version)).status).toBe('ready');
  await sendVersion(studio, projectId, deliverableId, version);
  return { deliverableId, version };
}
