// The people on a project: its team (studio users) and its client contacts, with what every
// conversation, notification and mention needs of them. One Query for the studio's users and one
// BatchGet for the contacts, whatever the size of the team.
import { invalid } from '../../../errors.ts';
import { batchGetClients } from '../../clients/index.ts';
import type { Project } from '../../projects/index.ts';
import { listStudioUsers } from '../../studios/index.ts';
import { clientPerson, initialsOf, type PersonKey, type Side, userPerson } from '../constants.ts';

export interface Participant {
  person: PersonKey;
  side: Side;
  name: string;
  email: string;
  initials: string;
  /** A team member's role on the project ("Art director"); "Client" for a contact. */
  role: string;
}

type StudioSession = { studio: { studioId: string }; user: { userId: string; name: string; email: string } };
type ClientSession = { studio: { studioId: string }; client: { clientId: string; name: string; email: string } };

export const personOfStudioSession = (s: StudioSession): PersonKey => userPerson(s.user.userId);
export const personOfClientSession = (s: ClientSession): PersonKey => clientPerson(s.client.clientId);

/** The signed-in caller as a participant (who may not be on the project: an admin, say). */
export function participantOfSession(s: StudioSession | ClientSession): Participant {
  if ('user' in s)
    return {
      person: userPerson(s.user.userId),
      side: 'studio',
      name: s.user.name,
      email: s.user.email,
      initials: initialsOf(s.user.name),
      role: 'Team',
    };
  return {
    person: clientPerson(s.client.clientId),
    side: 'client',
    name: s.client.name,
    email: s.client.email,
    initials: initialsOf(s.client.name),
    role: 'Client',
  };
}

/** Everyone on the project: the team (lead first) and the contacts. Removed users drop out. */
export async function projectParticipants(project: Project): Promise<Participant[]> {
  const [users, clients] = await Promise.all([listStudioUsers(project.studioId), batchGetClients(project.studioId, project.contactIds)]);
  const userById = new Map(users.map((u) => [u.userId, u]));
  const team: Participant[] = [];
  for (const entry of project.team) {
    const user = userById.get(entry.userId);
    if (!user) continue;
    team.push({
      person: userPerson(user.userId),
      side: 'studio',
      name: user.name,
      email: user.email,
      initials: initialsOf(user.name),
      role: entry.projectRole,
    });
  }
  const contacts: Participant[] = clients
    .filter((c) => !c.revokedAt)
    .map((c) => ({
      person: clientPerson(c.clientId),
      side: 'client',
      name: c.name,
      email: c.email,
      initials: initialsOf(c.name),
      role: 'Client',
    }));
  return [...team, ...contacts];
}

/**
 * The mentioned people, each of whom must be on the project (the autocomplete offers only them); a
 * mention of anyone else is refused with the field named, before anything is written.
 */
export function mentionedParticipants(mentions: readonly string[], participants: readonly Participant[]): Participant[] {
  const byPerson = new Map(participants.map((p) => [p.person as string, p]));
  const unknown = mentions.filter((m) => !byPerson.has(m));
  if (unknown.length)
    throw invalid('mention_not_on_project', 'You can only mention people on this project.', {
      mentions: ['names someone who is not on this project'],
    });
  return [...new Set(mentions)].map((m) => byPerson.get(m) as Participant);
}
