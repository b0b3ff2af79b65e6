// The team, against the local stack: an owner invites, the invitee follows the mailed link and is
// signed in; roles decide what each may call (403 role_required); removal ends sessions at once;
// a studio always keeps an owner, even when two owners are demoted at the same moment; a link
// works once and not after its expiry; bad input changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../../shared/data/db.ts';
import { Browser, DASHBOARD, mailbox, signUpAndSignIn } from '../../support/http.ts';
import { keys } from '../../support/keys.ts';
import { storedState } from '../../support/snapshot.ts';
import { invite, joinTeam, sessionOf, TEAM_PASSWORD, type TeamMate } from './actors.ts';

const tag = () => randomUUID().slice(0, 8);

/** A browser holding only the given session cookie, as a copied cookie would be. */
function withSession(session: string): Browser {
  const b = new Browser();
  b.jar.set(DASHBOARD, new Map([['portico_session', session]]));
  return b;
}

async function newStudio(label: string): Promise<{ owner: Browser; ownerId: string; studioName: string; ownerEmail: string }> {
  const t = tag();
  const owner = new Browser();
  const studioName = `${label} <b>Studio</b> ${t}`;
  const ownerEmail = `${label.toLowerCase()}-owner-${t}@example.com`;
  const signed = await signUpAndSignIn(owner, {
    studioName,
    slug: `${label.toLowerCase()}-${t}`,
    name: 'Olive Owner',
    email: ownerEmail,
    password: 'Owner-2026-pass',
  });
  expect(signed.status, signed.text).toBe(200);
  return { owner, ownerId: signed.body.user.userId, studioName, ownerEmail };
}

let studio: Awaited<ReturnType<typeof newStudio>>;

beforeAll(async () => {
  studio = await newStudio('Team');
});

describe('inviting and joining', () => {
  it('mails a branded invitation whose link signs the invitee in as a member', async () => {
    const email = `joiner-${tag()}@example.com`;
    const sent = await studio.owner.post(DASHBOARD, '/api/studio/team/invitations', { email, name: 'Jo Joiner', role: 'member' });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.invitation).toMatchObject({ email, name: 'Jo Joiner', role: 'member' });

    const mail = (await mailbox()).find((m) => m.to.includes(email));
    expect(mail?.subject).toContain('Team');
    expect(mail?.text).toMatch(/\/join#token=[A-Za-z0-9_-]{43}/);
    // The studio's name is text, never markup, in the HTML part.
    expect(mail?.html).toContain('&lt;b&gt;Studio&lt;/b&gt;');
    expect(mail?.html).not.toContain('<b>Studio</b>');
    const token = /\/join#token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] as string;

    const invitee = new Browser();
    const joined = await invitee.post(DASHBOARD, '/api/studio/team/join', { token, name: 'Jo Joiner', password: TEAM_PASSWORD });
    expect(joined.status, joined.text).toBe(200);
    expect(joined.body.user).toMatchObject({ email, name: 'Jo Joiner', role: 'member' });
    const me = await invitee.get(DASHBOARD, '/api/studio/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body.user.role).toBe('member');

    // Later, they sign in like anyone: with the email and the password they chose.
    const again = new Browser();
    expect((await again.post(DASHBOARD, '/api/studio/session', { email, password: TEAM_PASSWORD })).status).toBe(200);

    // The invitation is no longer pending; the member is in the team.
    const team = await studio.owner.get(DASHBOARD, '/api/studio/team');
    expect(team.body.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
    expect(team.body.members.find((m: { email: string }) => m.email === email)?.role).toBe('member');
  });

  it('refuses a used, an expired, a revoked and a replaced link, each saying why', async () => {
    const used = await invite(studio.owner, 'member', 'used');
    const first = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: used.token,
      name: 'Used',
      password: TEAM_PASSWORD,
    });
    expect(first.status).toBe(200);
    const reused = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: used.token,
      name: 'Again',
      password: TEAM_PASSWORD,
    });
    expect(reused.status).toBe(410);
    expect(reused.body.error).toBe('invitation_used');

    const expired = await invite(studio.owner, 'member', 'expired');
    const hash = createHash('sha256').update(expired.token).digest('hex');
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.invitationToken(hash),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    const late = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: expired.token,
      name: 'Late',
      password: TEAM_PASSWORD,
    });
    expect(late.status).toBe(410);
    expect(late.body.error).toBe('invitation_expired');
    expect(late.body.message).toMatch(/expired/);

    const revoked = await invite(studio.owner, 'member', 'revoked');
    expect((await studio.owner.call(DASHBOARD, 'DELETE', `/api/studio/team/invitations/${revoked.inviteId}`)).status).toBe(204);
    const gone = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: revoked.token,
      name: 'Gone',
      password: TEAM_PASSWORD,
    });
    expect(gone.status).toBe(404);

    const resent = await invite(studio.owner, 'admin', 'resent');
    const again = await studio.owner.post(DASHBOARD, `/api/studio/team/invitations/${resent.inviteId}/resend`);
    expect(again.status, again.text).toBe(200);
    const oldLink = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: resent.token,
      name: 'Old',
      password: TEAM_PASSWORD,
    });
    expect(oldLink.status).toBe(404);
    const freshToken = /\/join#token=([A-Za-z0-9_-]{43})/.exec(
      (await mailbox()).find((m) => m.to.includes(resent.email))?.text ?? '',
    )?.[1] as string;
    expect(freshToken).not.toBe(resent.token);
    const joined = await new Browser().post(DASHBOARD, '/api/studio/team/join', {
      token: freshToken,
      name: 'Fresh',
      password: TEAM_PASSWORD,
    });
    expect(joined.status, joined.text).toBe(200);
    expect(joined.body.user.role).toBe('admin');
  });

  it('lets one link join once, even from two tabs at the same moment', async () => {
    const racing = await invite(studio.owner, 'member', 'racing');
    const join = () =>
      new Browser().post(DASHBOARD, '/api/studio/team/join', { token: racing.token, name: 'Racer', password: TEAM_PASSWORD });
    const answers = await Promise.all([join(), join()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    const team = await studio.owner.get(DASHBOARD, '/api/studio/team');
    expect(team.body.members.filter((m: { email: string }) => m.email === racing.email)).toHaveLength(1);
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const pending = await invite(studio.owner, 'member', 'bad');
    const before = await storedState();
    const bad: [string, string, unknown][] = [
      ['POST', '/api/studio/team/invitations', { email: 'not-an-email', name: 'X', role: 'member' }],
      ['POST', '/api/studio/team/invitations', { email: 'x@example.com', name: 'X', role: 'boss' }],
      ['POST', '/api/studio/team/invitations', { email: 'x@example.com', name: 'Visit https://evil.example', role: 'member' }],
      ['POST', '/api/studio/team/invitations', { email: pending.email, name: 'Twice', role: 'member' }],
      ['POST', '/api/studio/team/invitations', { email: studio.ownerEmail, name: 'Me', role: 'member' }],
      ['PUT', `/api/studio/team/members/${studio.ownerId}/role`, { role: 'janitor' }],
      ['PUT', `/api/studio/team/members/${randomUUID()}/role`, { role: 'admin' }],
      ['DELETE', `/api/studio/team/members/not-a-uuid`, undefined],
      ['DELETE', `/api/studio/team/invitations/${randomUUID()}`, undefined],
    ];
    for (const [method, path, json] of bad) {
      const answer = await studio.owner.call(DASHBOARD, method, path, json === undefined ? {} : { json });
      expect(answer.status, `${method} ${path} ${JSON.stringify(json)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    for (const body of [
      { token: pending.token, name: 'Weak', password: 'short' },
      { token: 'x', name: 'Bad', password: TEAM_PASSWORD },
      { token: pending.token, password: TEAM_PASSWORD },
    ]) {
      const answer = await new Browser().post(DASHBOARD, '/api/studio/team/join', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(await storedState()).toEqual(before);
  });
});

describe('roles', () => {
  let member: TeamMate;
  let admin: TeamMate;

  beforeAll(async () => {
    member = await joinTeam(studio.owner, 'member', 'role-member');
    admin = await joinTeam(studio.owner, 'admin', 'role-admin');
  });

  it('refuses a member the admin and owner routes with 403 role_required and a clear message', async () => {
    const calls: [string, string, unknown][] = [
      ['GET', '/api/studio/clients', undefined],
      ['POST', '/api/studio/clients', { email: `c-${tag()}@example.com`, name: 'Client' }],
      ['POST', '/api/studio/galleries', { clientId: randomUUID(), title: 'Nope' }],
      ['POST', '/api/studio/team/invitations', { email: `m-${tag()}@example.com`, name: 'Mate', role: 'member' }],
      ['PUT', `/api/studio/team/members/${member.userId}/role`, { role: 'owner' }],
      ['DELETE', `/api/studio/team/members/${studio.ownerId}`, undefined],
    ];
    for (const [method, path, json] of calls) {
      const answer = await member.browser.call(DASHBOARD, method, path, json === undefined ? {} : { json });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error).toBe('role_required');
      expect(answer.body.message).toMatch(/Only an owner.*You are a member\./);
    }
    // What a member may read: who it is, and its team (without the pending invitations).
    expect((await member.browser.get(DASHBOARD, '/api/studio/me')).status).toBe(200);
    const team = await member.browser.get(DASHBOARD, '/api/studio/team');
    expect(team.status).toBe(200);
    expect(team.body.members.length).toBeGreaterThanOrEqual(3);
    expect(team.body.invitations).toEqual([]);
  });

  it('lets an admin invite members and admins, never owners, and refuses it the owner routes', async () => {
    const owner = await admin.browser.post(DASHBOARD, '/api/studio/team/invitations', {
      email: `o-${tag()}@example.com`,
      name: 'Would-be Owner',
      role: 'owner',
    });
    expect(owner.status).toBe(403);
    expect(owner.body.error).toBe('role_required');
    const mate = await admin.browser.post(DASHBOARD, '/api/studio/team/invitations', {
      email: `a-${tag()}@example.com`,
      name: 'Mate',
      role: 'admin',
    });
    expect(mate.status, mate.text).toBe(201);
    const change = await admin.browser.call(DASHBOARD, 'PUT', `/api/studio/team/members/${member.userId}/role`, {
      json: { role: 'admin' },
    });
    expect(change.status).toBe(403);
    expect(change.body.message).toMatch(/Only an owner/);
  });

  it('lets an owner change a role, which takes effect on the next request', async () => {
    const promoted = await studio.owner.call(DASHBOARD, 'PUT', `/api/studio/team/members/${member.userId}/role`, {
      json: { role: 'admin' },
    });
    expect(promoted.status, promoted.text).toBe(200);
    expect(promoted.body.member.role).toBe('admin');
    expect((await member.browser.get(DASHBOARD, '/api/studio/clients')).status).toBe(200);
    const demoted = await studio.owner.call(DASHBOARD, 'PUT', `/api/studio/team/members/${member.userId}/role`, {
      json: { role: 'member' },
    });
    expect(demoted.status).toBe(200);
    expect((await member.browser.get(DASHBOARD, '/api/studio/clients')).status).toBe(403);
  });

  it('shows a member only the galleries it is assigned, and only an admin assigns', async () => {
    const client = await studio.owner.post(DASHBOARD, '/api/studio/clients', { email: `client-${tag()}@example.com`, name: 'Cleo Client' });
    expect(client.status, client.text).toBe(201);
    const make = async (title: string) => {
      const made = await studio.owner.post(DASHBOARD, '/api/studio/galleries', { clientId: client.body.client.clientId, title });
      expect(made.status, made.text).toBe(201);
      return made.body.gallery.galleryId as string;
    };
    const [mine, other] = [await make('Assigned shoot'), await make('Other shoot')];

    const assign = await studio.owner.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${mine}`, { json: { assigneeIds: [member.userId] } });
    expect(assign.status, assign.text).toBe(200);
    expect(assign.body.gallery.assigneeIds).toEqual([member.userId]);

    const listed = await member.browser.get(DASHBOARD, '/api/studio/galleries');
    expect(listed.body.galleries.map((g: { galleryId: string }) => g.galleryId)).toEqual([mine]);
    expect((await member.browser.get(DASHBOARD, `/api/studio/galleries/${mine}`)).status).toBe(200);
    for (const path of ['', '/share-links', '/activity', '/submissions']) {
      expect((await member.browser.get(DASHBOARD, `/api/studio/galleries/${other}${path}`)).status, path).toBe(404);
    }
    const edit = await member.browser.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${other}`, { json: { title: 'Mine now' } });
    expect(edit.status).toBe(404);
    const upload = await member.browser.post(DASHBOARD, `/api/studio/galleries/${other}/uploads`, {
      files: [{ fileName: 'a.jpg', contentType: 'image/jpeg', size: 1000 }],
    });
    expect(upload.status).toBe(404);
    // Working on its own gallery is fine; choosing who works on it is not.
    expect((await member.browser.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${mine}`, { json: { title: 'Renamed' } })).status).toBe(
      200,
    );
    const self = await member.browser.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${other}`, {
      json: { assigneeIds: [member.userId] },
    });
    expect(self.status).toBe(404);
    const reassign = await member.browser.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${mine}`, { json: { assigneeIds: [] } });
    expect(reassign.status).toBe(403);
    expect(reassign.body.error).toBe('role_required');
    // Someone outside the team cannot be assigned.
    const outsider = await studio.owner.call(DASHBOARD, 'PATCH', `/api/studio/galleries/${mine}`, {
      json: { assigneeIds: [randomUUID()] },
    });
    expect(outsider.status).toBe(400);
    // Admins and owners see every gallery.
    const all = await admin.browser.get(DASHBOARD, '/api/studio/galleries');
    expect(all.body.galleries.map((g: { galleryId: string }) => g.galleryId).sort()).toEqual([mine, other].sort());
  });
});

describe('removing someone', () => {
  it('ends their sessions at once: the old token, the refresh token and the password all stop working', async () => {
    const gone = await joinTeam(studio.owner, 'admin', 'removed');
    const old = sessionOf(gone.browser);
    expect((await withSession(old).get(DASHBOARD, '/api/studio/clients')).status).toBe(200);
    expect((await studio.owner.call(DASHBOARD, 'DELETE', `/api/studio/team/members/${gone.userId}`)).status).toBe(204);

    const replayed = await withSession(old).get(DASHBOARD, '/api/studio/me');
    expect(replayed.status).toBe(403);
    expect(replayed.body.error).toBe('not_a_studio_user');
    expect((await gone.browser.post(DASHBOARD, '/api/session/refresh')).status).toBe(401);
    expect((await new Browser().post(DASHBOARD, '/api/studio/session', { email: gone.email, password: gone.password })).status).toBe(401);
    const team = await studio.owner.get(DASHBOARD, '/api/studio/team');
    expect(team.body.members.map((m: { userId: string }) => m.userId)).not.toContain(gone.userId);
    // Another studio's owner cannot remove anyone of this one: the user does not exist for it.
    const rival = await newStudio('Rival');
    expect((await rival.owner.call(DASHBOARD, 'DELETE', `/api/studio/team/members/${studio.ownerId}`)).status).toBe(404);
  });
});

describe('the last owner', () => {
  it('cannot be demoted or removed', async () => {
    const solo = await newStudio('Solo');
    const demote = await solo.owner.call(DASHBOARD, 'PUT', `/api/studio/team/members/${solo.ownerId}/role`, { json: { role: 'admin' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toBe('last_owner');
    expect(demote.body.message).toMatch(/at least one owner/);
    const remove = await solo.owner.call(DASHBOARD, 'DELETE', `/api/studio/team/members/${solo.ownerId}`);
    expect(remove.status).toBe(409);
    expect((await solo.owner.get(DASHBOARD, '/api/studio/me')).body.user.role).toBe('owner');
  });

  it('stays when two owners are demoted at the same moment: one demotion wins, the other is refused', async () => {
    const duo = await newStudio('Duo');
    const second = await joinTeam(duo.owner, 'owner', 'second-owner');
    const [a, b] = await Promise.all([
      duo.owner.call(DASHBOARD, 'PUT', `/api/studio/team/members/${duo.ownerId}/role`, { json: { role: 'admin' } }),
      second.browser.call(DASHBOARD, 'PUT', `/api/studio/team/members/${second.userId}/role`, { json: { role: 'admin' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.status === 409)?.body.error).toBe('last_owner');
    const owners = (await duo.owner.get(DASHBOARD, '/api/studio/team')).body.members.filter((m: { role: string }) => m.role === 'owner');
    expect(owners).toHaveLength(1);
  });
});
