// The agency demo studio, Fieldwork Design (Growth): a design agency's portal rather than a
// photographer's. One client company with two contacts, a rebrand project at 60 % done with its
// team, and (added by seedAgencyWork) deliverables in every review state and shared files, all
// made here: PDFs with pdf-lib, images with sharp, a short WebM video (local/demo-media.ts).

import { randomUUID } from 'node:crypto';
import { createUser } from '../shared/adapters/identity.ts';
import { putObject } from '../shared/adapters/storage.ts';
import { objects } from '../shared/data/objects.ts';
import { createClient } from '../shared/features/clients/domain/clients.ts';
import type { Client } from '../shared/features/clients/records.ts';
import { createProject } from '../shared/features/projects/domain/projects.ts';
import type { Project } from '../shared/features/projects/records.ts';
import { createStudio } from '../shared/features/studios/domain/studios.ts';
import type { Studio, StudioUser } from '../shared/features/studios/records.ts';
import { addTeamMember } from '../shared/features/team/index.ts';
import { demoLogo } from './demo-images.ts';

export const AGENCY = {
  studio: { name: 'Fieldwork Design', slug: 'fieldwork', accentColor: '#1f5f8b' },
  owner: { name: 'Tess Morgan', email: 'studio@fieldwork.example', password: 'Fieldwork-2026' },
  designer: { name: 'Omar Haddad', email: 'designer@fieldwork.example', password: 'Fieldwork-Design-2026' },
  contacts: [
    { name: 'Jordan Ellis', email: 'jordan@harborpine.example' },
    { name: 'Priya Nair', email: 'priya@harborpine.example' },
  ],
  project: 'Harbor & Pine rebrand',
} as const;

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface AgencyBase {
  studio: Studio;
  owner: StudioUser;
  designer: StudioUser;
  contacts: Client[];
  project: Project;
}

/** The studio, its team, the client's contacts and the project with its milestones. */
export async function seedAgencyBase(): Promise<AgencyBase> {
  const ownerId = await createUser('studio', AGENCY.owner.email, AGENCY.owner.email, AGENCY.owner.password);
  const studioId = randomUUID();
  const logoKey = objects.logo(studioId, 'png');
  await putObject(logoKey, await demoLogo('F', AGENCY.studio.accentColor), 'image/png');
  const { studio, user: owner } = await createStudio({
    studioId,
    name: AGENCY.studio.name,
    slug: AGENCY.studio.slug,
    owner: { userId: ownerId, email: AGENCY.owner.email, name: AGENCY.owner.name },
    branding: {
      accentColor: AGENCY.studio.accentColor,
      logoKey,
      plan: 'growth',
      welcomeMessage: 'Everything for your project in one place: what needs your review, where we stand, and the files.',
      supportEmail: 'hello@fieldwork.example',
    },
    emailVerified: true,
  });
  const designerId = await createUser('studio', AGENCY.designer.email, AGENCY.designer.email, AGENCY.designer.password);
  const designer = await addTeamMember(studio, {
    userId: designerId,
    email: AGENCY.designer.email,
    name: AGENCY.designer.name,
    role: 'member',
  });
  const contacts = [];
  for (const c of AGENCY.contacts) contacts.push(await createClient(studio.studioId, { email: c.email, name: c.name }));
  const project = await createProject(studio, {
    title: AGENCY.project,
    contactIds: contacts.map((c) => c.clientId),
    leadId: ownerId,
    team: [{ userId: designerId, projectRole: 'Lead designer' }],
    status: 'in_review',
    startDate: addDays(-40),
    dueDate: addDays(30),
    summary: 'A new identity for Harbor & Pine: logo, colours, type, packaging and the launch film.',
    internalNotes: 'Fixed fee; two rounds of changes included per deliverable.',
    // Weighted 3 + 2 + 1 done of 10: 60 %.
    milestones: [
      { title: 'Discovery workshop', dueDate: addDays(-35), weight: 3, done: true },
      { title: 'Logo concepts', dueDate: addDays(-20), weight: 2, done: true },
      { title: 'Colour and type', dueDate: addDays(-10), weight: 1, done: true },
      { title: 'Packaging', dueDate: addDays(10), weight: 2 },
      { title: 'Launch film and hand-over', dueDate: addDays(28), weight: 2 },
    ],
  });
  return { studio, owner, designer, contacts, project };
}
