// Galleries and the projects they belong to, as far as the portal home needs them.
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { presignGet } from '../../../adapters/storage.ts';
import { db, tableName } from '../../../data/db.ts';
import { withoutKeys } from '../../../data/records.ts';
import { today } from '../../clients/index.ts';
import { keys } from '../records.ts';
import type { ClientGallery, GalleryRules, GalleryStatus } from '../schemas.ts';
import { isPublished, listedStatus } from './rules.ts';

// The seeds, benchmarks and tests that create galleries import the defaults from this file.
export { DEFAULT_RULES, rulesOf } from './rules.ts';

export interface Gallery {
  galleryId: string;
  studioId: string;
  clientId: string;
  projectId: string | null;
  title: string;
  status: GalleryStatus;
  shootDate: string | null;
  deadline: string | null;
  welcomeNote?: string;
  tags?: string[];
  rules?: GalleryRules;
  imageCount: number;
  coverImageId?: string | null;
  /** Thumbnail of the cover image, shown on the gallery card. */
  coverThumbKey: string | null;
  createdAt: string;
}

export async function getGallery(studioId: string, galleryId: string): Promise<Gallery | null> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.gallery(studioId, galleryId) }));
  return out.Item ? (withoutKeys(out.Item) as Gallery) : null;
}

export interface Project {
  projectId: string;
  studioId: string;
  clientId: string;
  title: string;
  status: 'planned' | 'in_progress' | 'review' | 'done';
  createdAt: string;
}

export async function createProject(input: Omit<Project, 'projectId' | 'createdAt'>): Promise<Project> {
  const project: Project = { ...input, projectId: randomUUID(), createdAt: new Date().toISOString() };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.project(project.studioId, project.projectId),
        ...keys.projectIndex(project.clientId, project.projectId),
        type: 'project',
        ...project,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return project;
}

export async function createGallery(input: Omit<Gallery, 'galleryId' | 'createdAt'> & { galleryId?: string }): Promise<Gallery> {
  const gallery: Gallery = { ...input, galleryId: input.galleryId ?? randomUUID(), createdAt: new Date().toISOString() };
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.gallery(gallery.studioId, gallery.galleryId),
        ...keys.galleryIndex(gallery.clientId, gallery.galleryId),
        type: 'gallery',
        ...gallery,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return gallery;
}

/**
 * A client's galleries with their project titles: one query of the client's GSI1 partition
 * returns both record types. A gallery not yet published is listed as Unavailable, with its title
 * only; one whose deadline has passed shows as Locked.
 */
export async function listClientGalleries(studioId: string, clientId: string): Promise<ClientGallery[]> {
  const galleries: Gallery[] = [];
  const projectTitles = new Map<string, string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.clientGalleriesIndex(clientId).GSI1PK },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      // The client id is unique, but a record of another studio must never leak through it.
      if (item.studioId !== studioId) continue;
      if (item.type === 'gallery') galleries.push(withoutKeys(item) as Gallery);
      else if (item.type === 'project') projectTitles.set(item.projectId as string, item.title as string);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);

  const listed = galleries.sort((a, b) => (b.shootDate ?? '').localeCompare(a.shootDate ?? ''));
  const now = today();
  return Promise.all(
    listed.map(async (g) => {
      const published = isPublished(g);
      return {
        galleryId: g.galleryId,
        title: g.title,
        status: listedStatus(g, now),
        shootDate: g.shootDate,
        deadline: g.deadline,
        imageCount: published ? g.imageCount : 0,
        coverUrl: published && g.coverThumbKey ? await presignGet(g.coverThumbKey) : null,
        projectTitle: g.projectId ? (projectTitles.get(g.projectId) ?? null) : null,
      };
    }),
  );
}
