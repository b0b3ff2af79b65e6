// The agency demo (local/seed-agency.ts) as its people meet it on the local stack: Fieldwork's
// owner finds the rebrand at 60 %, its deliverables in every review state with their previews and
// the shared files; a contact of the client signs in by magic link and finds the reviews waiting.
// Other tests never touch Fieldwork, so its counts are the demo's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENCY } from '../../../local/seed-agency.ts';
import { Browser, DASHBOARD, portal } from '../../support/http.ts';
import { latestTokenFor } from '../../support/portal-actors.ts';

const FIELDWORK = portal(AGENCY.studio.slug);

interface Summary {
  deliverableId: string;
  title: string;
  state: string;
  latestVersion: number;
  locked: boolean;
}

let studio: Browser;
let projectId: string;
let deliverables: Summary[];

const byTitle = (title: string) => {
  const d = deliverables.find((x) => x.title === title);
  if (!d) throw new Error(`no deliverable "${title}" in ${deliverables.map((x) => x.title).join(', ')}`);
  return d;
};
const detail = async (title: string) => {
  const seen = await studio.get(DASHBOARD, `/api/studio/projects/${projectId}/deliverables/${byTitle(title).deliverableId}`);
  expect(seen.status, seen.text).toBe(200);
  return seen.body.deliverable;
};

beforeAll(async () => {
  studio = new Browser();
  const signedIn = await studio.post(DASHBOARD, '/api/studio/session', { email: AGENCY.owner.email, password: AGENCY.owner.password });
  expect(signedIn.status, signedIn.text).toBe(200);
  const projects = await studio.get(DASHBOARD, '/api/studio/projects');
  expect(projects.status, projects.text).toBe(200);
  const rebrand = projects.body.projects.find((p: { title: string }) => p.title === AGENCY.project);
  expect(rebrand, JSON.stringify(projects.body.projects)).toBeDefined();
  projectId = rebrand.projectId;
  const listed = await studio.get(DASHBOARD, `/api/studio/projects/${projectId}/deliverables`);
  expect(listed.status, listed.text).toBe(200);
  deliverables = listed.body.deliverables;
});

describe('the agency demo, as the studio sees it', () => {
  it('has the rebrand at 60 %, its next milestone the packaging', async () => {
    const projects = await studio.get(DASHBOARD, '/api/studio/projects');
    const rebrand = projects.body.projects.find((p: { projectId: string }) => p.projectId === projectId);
    expect(rebrand).toMatchObject({ percentDone: 60, status: 'in_review', nextMilestone: { title: 'Packaging' } });
  });

  it('has a deliverable in every review state', () => {
    const states = Object.fromEntries(deliverables.map((d) => [d.title, [d.state, d.latestVersion, d.locked]]));
    expect(states).toEqual({
      'Brand guidelines': ['in_review', 1, false],
      'Logo suite': ['in_review', 1, false],
      'Launch film': ['approved', 1, true],
      'Packaging concepts': ['in_review', 2, false],
      'Shopfront signage': ['draft', 1, false],
    });
  });

  it('shows the guidelines PDF page by page and the logo suite as an image', async () => {
    const pdf = (await detail('Brand guidelines')).versions[0];
    expect(pdf.preview).toMatchObject({ kind: 'pdf', state: 'ready', pageCount: 6 });
    expect(pdf.preview.pages).toHaveLength(6);
    const logo = (await detail('Logo suite')).versions[0];
    expect(logo.preview).toMatchObject({ kind: 'image', state: 'ready' });
    expect(logo.preview.pages).toHaveLength(1);
  });

  it('has the film approved by both contacts, with its poster', async () => {
    const film = await detail('Launch film');
    const v1 = film.versions[0];
    expect(v1).toMatchObject({ result: 'approved', status: 'ready' });
    expect(v1.lockedAt).not.toBeNull();
    expect(v1.reviewers.map((r: { name: string; decision: string }) => [r.name, r.decision]).sort()).toEqual(
      AGENCY.contacts.map((c) => [c.name, 'approve']).sort(),
    );
    expect(v1.preview).toMatchObject({ kind: 'video', state: 'ready', playable: true });
    expect(v1.preview.posterUrl).toEqual(expect.any(String));
  });

  it('has the packaging sent back with a pin on page 2 and a reply, and version 2 in review', async () => {
    const packaging = await detail('Packaging concepts');
    const [v1, v2] = packaging.versions;
    expect(v1).toMatchObject({ version: 1, result: 'changes_requested' });
    expect(v1.reviewers.some((r: { decision: string; note: string }) => r.decision === 'request_changes' && r.note)).toBe(true);
    const thread = packaging.comments.find((c: { version: number; parentId: string | null }) => c.version === 1 && c.parentId === null);
    expect(thread.pin).toMatchObject({ kind: 'point', page: 2 });
    expect(thread.author.kind).toBe('client');
    const reply = packaging.comments.find((c: { parentId: string | null }) => c.parentId === thread.commentId);
    expect(reply.author.kind).toBe('studio');
    expect(v2).toMatchObject({ version: 2, status: 'ready', result: null });
    expect(v2.sentAt).not.toBeNull();
    expect(v2.preview).toMatchObject({ kind: 'pdf', pageCount: 3 });
  });

  it('shares files in two folders, and keeps the working file to the team', async () => {
    const tab = await studio.get(DASHBOARD, `/api/studio/projects/${projectId}/files`);
    expect(tab.status, tab.text).toBe(200);
    expect(tab.body.folders.map((f: { name: string }) => f.name).sort()).toEqual(['Brand guidelines', 'From the client']);
    const files = tab.body.files as Array<{ name: string; shared: boolean; current: { status: string } | null }>;
    expect(files.filter((f) => f.shared).map((f) => f.name)).toEqual(
      expect.arrayContaining(['Brand guidelines.pdf', 'Logo on dark.png', 'Launch teaser.webm']),
    );
    expect(files.find((f) => f.name === 'Colour notes (team only).txt')?.shared).toBe(false);
    expect(files.map((f) => f.name)).toContain('Our brief.txt');
    expect(files.every((f) => f.current?.status === 'ready')).toBe(true);
  });

  it('has two feedback items: a new one in the lead’s inbox, one accepted for the designer with an internal note', async () => {
    const tab = await studio.get(DASHBOARD, `/api/studio/projects/${projectId}/feedback`);
    expect(tab.status, tab.text).toBe(200);
    const items = tab.body.feedback as Array<{ subject: string; state: string; notes: unknown[]; assignee: { name: string } }>;
    expect(items.map((f) => `${f.subject}: ${f.state} for ${f.assignee.name}, ${f.notes.length} note(s)`).sort()).toEqual([
      `Shop signage at night: new for ${AGENCY.owner.name}, 0 note(s)`,
      `Tagline on the website header: accepted for ${AGENCY.designer.name}, 1 note(s)`,
    ]);
    const inbox = await studio.get(DASHBOARD, '/api/studio/inbox');
    expect(inbox.body.tasks.map((t: { subject: string; projectTitle: string }) => `${t.subject} (${t.projectTitle})`)).toEqual([
      `Shop signage at night (${AGENCY.project})`,
    ]);
  });
});

describe('the agency demo, as a contact of the client sees it', () => {
  it('signs in by magic link and finds the three reviews waiting, and no draft', async () => {
    const [jordan] = AGENCY.contacts;
    const contact = new Browser();
    expect((await contact.post(FIELDWORK, '/api/portal/magic-link', { email: jordan.email })).status).toBe(202);
    const session = await contact.post(FIELDWORK, '/api/portal/session', { token: await latestTokenFor(jordan.email) });
    expect(session.status, session.text).toBe(200);

    const home = await contact.get(FIELDWORK, '/api/portal/home');
    expect(home.status, home.text).toBe(200);
    const reviews = home.body.waiting.reviews as Array<{ title: string; version: number }>;
    expect(reviews.map((r) => `${r.title} v${r.version}`).sort()).toEqual([
      'Brand guidelines v1',
      'Logo suite v1',
      'Packaging concepts v2',
    ]);
    expect(home.body.projects).toEqual([expect.objectContaining({ projectId, percentDone: 60 })]);

    const listed = await contact.get(FIELDWORK, `/api/portal/projects/${projectId}/deliverables`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.deliverables.map((d: { title: string }) => d.title)).not.toContain('Shopfront signage');

    const files = await contact.get(FIELDWORK, `/api/portal/projects/${projectId}/files`);
    expect(files.status, files.text).toBe(200);
    expect(files.body.files.map((f: { name: string }) => f.name)).not.toContain('Colour notes (team only).txt');

    // Jordan's own feedback, accepted, without the team's note.
    const feedback = await contact.get(FIELDWORK, `/api/portal/projects/${projectId}/feedback`);
    expect(feedback.status, feedback.text).toBe(200);
    expect(feedback.body.feedback).toEqual([expect.objectContaining({ subject: 'Tagline on the website header', state: 'accepted' })]);
    expect(feedback.text).not.toContain('380 px');
  });
});
