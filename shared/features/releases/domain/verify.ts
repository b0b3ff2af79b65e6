// "Verify a document": whether this Portico sealed a file, by the SHA-256 the browser computed (the
// file itself never leaves the visitor's device), and whether the release's audit chain holds.
import { limits } from '../../../config.ts';
import { consume } from '../../../data/rate-limit.ts';
import { getStudio } from '../../studios/index.ts';
import { getAuditTrail, getRelease, getSeal, getSealByHash } from '../data.ts';
import type { SealRecord } from '../records.ts';
import type { Verification } from '../schemas.ts';
import { verifyChain } from './chain.ts';

export async function verifyDocument(hash: string, sealId: string | undefined, ip: string): Promise<Verification> {
  await consume(
    { bucket: 'verify', max: limits.verifyPerHour, windowSeconds: 3600, message: 'Too many checks from here. Please wait an hour.' },
    ip,
  );
  const exact = await getSealByHash(hash);
  const named = exact ? null : sealId ? await getSeal(sealId) : null;
  const seal: SealRecord | null = exact ?? named;
  if (!seal) return { result: 'unknown', release: null };
  const [release, events, studio] = await Promise.all([
    getRelease(seal.releaseId),
    getAuditTrail(seal.releaseId),
    getStudio(seal.studioId),
  ]);
  if (!release) return { result: 'unknown', release: null };
  return {
    result: exact ? 'sealed' : 'altered',
    release: {
      title: release.title,
      studioName: studio?.name ?? '',
      sealedAt: seal.sealedAt,
      signers: [
        ...release.signers.map((s) => ({ name: s.name, signedAt: s.signedAt })),
        ...(release.countersigner ? [{ name: release.countersigner.name, signedAt: release.countersigner.signedAt }] : []),
      ],
      chain: verifyChain(release.releaseId, events, release.head),
    },
  };
}
