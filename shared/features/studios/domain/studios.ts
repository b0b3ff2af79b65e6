// Studios (tenants), their branding, and which studio a request's host belongs to.
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { presignGet } from '../../../adapters/storage.ts';
import { config, portalUrl } from '../../../config.ts';
import { db, tableName } from '../../../data/db.ts';
import { withoutKeys } from '../../../data/records.ts';
import { conditionFailed } from '../../../data/transactions.ts';
import { conflict } from '../../../errors.ts';
import { keys } from '../records.ts';
import type { Branding } from '../schemas.ts';

export type Plan = 'starter' | 'growth' | 'scale';

export interface Studio {
  studioId: string;
  name: string;
  slug: string;
  plan: Plan;
  accentColor: string;
  welcomeMessage: string;
  supportEmail: string | null;
  logoKey: string | null;
  createdAt: string;
}

export interface StudioUser {
  userId: string;
  studioId: string;
  email: string;
  name: string;
  role: 'owner' | 'member';
}

export const DEFAULT_ACCENT = '#3d5afe';

export async function getStudio(studioId: string): Promise<Studio | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.studio(studioId) }));
  return out.Item ? (withoutKeys(out.Item) as Studio) : null;
}

export async function getStudioUser(sub: string): Promise<StudioUser | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.studioUser(sub) }));
  return out.Item ? (withoutKeys(out.Item) as StudioUser) : null;
}

export async function isSlugTaken(slug: string): Promise<boolean> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug), ProjectionExpression: 'PK' }));
  return Boolean(out.Item);
}

/** Creates the studio, claims its slug and records its owner in one transaction. */
export async function createStudio(input: {
  studioId?: string;
  name: string;
  slug: string;
  owner: { userId: string; email: string; name: string };
  branding?: Partial<Pick<Studio, 'accentColor' | 'welcomeMessage' | 'supportEmail' | 'logoKey' | 'plan'>>;
}): Promise<{ studio: Studio; user: StudioUser }> {
  const studio: Studio = {
    studioId: input.studioId ?? randomUUID(),
    name: input.name,
    slug: input.slug,
    plan: input.branding?.plan ?? 'starter',
    accentColor: input.branding?.accentColor ?? DEFAULT_ACCENT,
    welcomeMessage: input.branding?.welcomeMessage ?? `Welcome to ${input.name}'s client portal.`,
    supportEmail: input.branding?.supportEmail ?? input.owner.email,
    logoKey: input.branding?.logoKey ?? null,
    createdAt: new Date().toISOString(),
  };
  const user: StudioUser = { ...input.owner, studioId: studio.studioId, role: 'owner' };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.slug(studio.slug), type: 'slug', studioId: studio.studioId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.studio(studio.studioId), type: 'studio', ...studio },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.studioUser(user.userId), ...keys.studioUserIndex(studio.studioId, user.email), type: 'studioUser', ...user },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  } catch (e) {
    if (conditionFailed(e)) throw conflict('slug_taken', 'That portal address is already taken.');
    throw e;
  }
  return { studio, user };
}

/** What a request's host means: the studio dashboard, one studio's portal, or nothing we serve. */
export type HostContext = { kind: 'dashboard' } | { kind: 'portal'; studio: Studio } | { kind: 'unknown' };

export async function resolveHost(rawHost: string | undefined): Promise<HostContext> {
  const host = (rawHost ?? '').toLowerCase().replace(/:\d+$/, '');
  const base = config.portalDomain;
  if (host === base) return { kind: 'dashboard' };
  let studioId: string | undefined;
  if (host.endsWith(`.${base}`)) {
    const slug = host.slice(0, -(base.length + 1));
    if (!/^[a-z0-9-]{1,63}$/.test(slug)) return { kind: 'unknown' };
    const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug) }));
    studioId = out.Item?.studioId;
  } else if (/^[a-z0-9.-]{1,253}$/.test(host)) {
    const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.domain(host) }));
    studioId = out.Item?.studioId;
  }
  if (!studioId) return { kind: 'unknown' };
  const studio = await getStudio(studioId);
  return studio ? { kind: 'portal', studio } : { kind: 'unknown' };
}

export async function branding(studio: Studio): Promise<Branding> {
  return {
    name: studio.name,
    slug: studio.slug,
    logoUrl: studio.logoKey ? await presignGet(studio.logoKey, { expiresIn: 24 * 3600 }) : null,
    accentColor: studio.accentColor,
    welcomeMessage: studio.welcomeMessage,
    supportEmail: studio.supportEmail,
  };
}

export const studioPortalUrl = (studio: Studio): string => portalUrl(studio.slug);
