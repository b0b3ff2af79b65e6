// Who may reach a project: the studio's team (a member only on its projects) and the project's
// client contacts. The tenancy step calls these for every route naming {projectId}, so a new
// project route cannot forget them; the use cases load the project through them too.
import { notFound } from '../../../errors.ts';
import type { Client } from '../../clients/index.ts';
import type { Studio, StudioUser } from '../../studios/index.ts';
import { getProject, getSeat } from '../data.ts';
import type { Project } from '../records.ts';
import { maySeeProject, mayWorkOnProject } from './rules.ts';

type StudioSession = { studio: Studio; user: StudioUser };
type ClientSession = { studio: Studio; client: Client };

const NO_PROJECT = 'No such project.';

/** The tenancy step's check for members: admins and owners pass without a read. */
export async function assertOnProject(session: StudioSession, projectId: string): Promise<void> {
  if (session.user.role !== 'member') return;
  await projectForStudio(session, projectId);
}

/** The tenancy step's check for clients: the contact's seat on the project, in this studio. */
export async function assertSeated(session: ClientSession, projectId: string): Promise<void> {
  const seat = await getSeat(projectId, session.client.clientId);
  if (!seat || seat.studioId !== session.studio.studioId) throw notFound(NO_PROJECT);
}

export async function projectForStudio(session: StudioSession, projectId: string): Promise<Project> {
  const project = await getProject(session.studio.studioId, projectId);
  if (!project || !mayWorkOnProject(project, session.user)) throw notFound(NO_PROJECT);
  return project;
}

export async function projectForClient(session: ClientSession, projectId: string): Promise<Project> {
  const project = await getProject(session.studio.studioId, projectId);
  if (!project || !maySeeProject(project, session.client.clientId)) throw notFound(NO_PROJECT);
  return project;
}
