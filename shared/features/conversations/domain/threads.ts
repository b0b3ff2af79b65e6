// Which thread a caller reaches, and who is in it. A project's thread: the project's team and its
// client contacts (a member reaches only projects it is on, a contact only projects it is seated
// on). A client's general thread: that client, the studio's owners and admins, and the members
// on any of that client's projects. Anything else, another studio's included, is "not found".
import { notFound } from '../../../errors.ts';
import { type Client, getClient } from '../../clients/index.ts';
import { initialsOf, type Participant, projectParticipants, userPerson } from '../../people/index.ts';
import { getProject, type Project, projectForClient, projectForStudio } from '../../projects/index.ts';
import { listStudioUsers, type Studio, type StudioUser } from '../../studios/index.ts';
import { generalThreadId, OWN_GENERAL_THREAD, parseThreadId, type ThreadKind } from '../constants.ts';
import { seatedProjectIds } from '../data.ts';
import type { Caller } from './rules.ts';

export type StudioSession = { studio: Studio; user: StudioUser };
export type ClientSession = { studio: Studio; client: Client };

export interface ThreadContext {
  studioId: string;
  threadId: string;
  kind: ThreadKind;
  title: string;
  project: Project | null;
  /** The general thread's client. */
  clientId: string | null;
  participants: Participant[];
  caller: Caller & { name: string; side: 'studio' | 'client' };
}

const NO_THREAD = 'No such conversation.';

function clientParticipant(c: Client): Participant {
  return { person: `client:${c.clientId}`, side: 'client', name: c.name, email: c.email, initials: initialsOf(c.name), role: 'Client' };
}

/** The general thread's people: the client, then the owners and admins, then members on the client's projects. */
async function generalParticipants(studioId: string, client: Client): Promise<Participant[]> {
  const [users, projectIds] = await Promise.all([listStudioUsers(studioId), seatedProjectIds(client.clientId)]);
  const projects = (await Promise.all(projectIds.map((id) => getProject(studioId, id)))).filter((p): p is Project => p !== null);
  const onProjects = new Set(projects.flatMap((p) => p.team.map((t) => t.userId)));
  const team = users
    .filter((u) => u.role !== 'member' || onProjects.has(u.userId))
    .map(
      (u): Participant => ({
        person: userPerson(u.userId),
        side: 'studio',
        name: u.name,
        email: u.email,
        initials: initialsOf(u.name),
        role: u.role === 'member' ? 'Team' : u.role === 'owner' ? 'Owner' : 'Admin',
      }),
    );
  return [clientParticipant(client), ...team];
}

export async function threadForStudio(session: StudioSession, threadId: string): Promise<ThreadContext> {
  const parsed = parseThreadId(threadId);
  if (!parsed) throw notFound(NO_THREAD);
  const { studio, user } = session;
  const caller = { person: userPerson(user.userId), moderator: user.role !== 'member', name: user.name, side: 'studio' as const };
  if (parsed.kind === 'project') {
    const project = await projectForStudio(session, parsed.id).catch(() => {
      throw notFound(NO_THREAD);
    });
    const participants = await projectParticipants(project);
    return { studioId: studio.studioId, threadId, kind: 'project', title: project.title, project, clientId: null, participants, caller };
  }
  const client = await getClient(studio.studioId, parsed.id);
  if (!client || client.studioId !== studio.studioId) throw notFound(NO_THREAD);
  const participants = await generalParticipants(studio.studioId, client);
  if (!participants.some((p) => p.person === caller.person)) throw notFound(NO_THREAD);
  return {
    studioId: studio.studioId,
    threadId,
    kind: 'general',
    title: client.name,
    project: null,
    clientId: client.clientId,
    participants,
    caller,
  };
}

export async function threadForClient(session: ClientSession, asked: string): Promise<ThreadContext> {
  const { studio, client } = session;
  const threadId = asked === OWN_GENERAL_THREAD ? generalThreadId(client.clientId) : asked;
  const parsed = parseThreadId(threadId);
  if (!parsed) throw notFound(NO_THREAD);
  const caller = { person: `client:${client.clientId}` as const, moderator: false, name: client.name, side: 'client' as const };
  if (parsed.kind === 'project') {
    const project = await projectForClient(session, parsed.id).catch(() => {
      throw notFound(NO_THREAD);
    });
    const participants = await projectParticipants(project);
    return { studioId: studio.studioId, threadId, kind: 'project', title: project.title, project, clientId: null, participants, caller };
  }
  if (parsed.id !== client.clientId) throw notFound(NO_THREAD);
  const participants = await generalParticipants(studio.studioId, client);
  return {
    studioId: studio.studioId,
    threadId,
    kind: 'general',
    title: studio.name,
    project: null,
    clientId: client.clientId,
    participants,
    caller,
  };
}
