import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/data/db.ts';
import { keys } from '../../shared/data/keys.ts';
import { getStudio, type Studio } from '../../shared/domain/studios.ts';

export async function findStudioBySlugForTest(slug: string): Promise<Studio> {
  const claim = await db().send(new GetCommand({ TableName: tableName(), Key: keys.slug(slug) }));
  const studio = claim.Item ? await getStudio(claim.Item.studioId) : null;
  if (!studio) throw new Error(`No studio ${slug}`);
  return studio;
}
