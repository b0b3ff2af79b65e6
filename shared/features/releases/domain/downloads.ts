// Downloading a sealed release (recorded in its trail) and the studio's dispute bundle: the sealed
// PDF, the audit trail as JSON and as a readable PDF, and the chain check, in one ZIP.
import { randomUUID } from 'node:crypto';
import { ZipArchive } from 'archiver';
import { presignGet } from '../../../adapters/storage.ts';
import { objects } from '../../../data/objects.ts';
import { conflict } from '../../../errors.ts';
import type { Studio } from '../../studios/index.ts';
import { AUDIT_EVENT_NAMES, AUTH_METHOD_NAMES } from '../constants.ts';
import { getAuditTrail, getBytes, putBytes } from '../data.ts';
import { renderTemplate } from '../pdf/render.ts';
import type { Block } from '../pdf/template.ts';
import type { AuditActor, AuditRecord, Presence, ReleaseRecord } from '../records.ts';
import { change, event } from './act.ts';
import { verifyChain } from './chain.ts';
import { auditView, pdfName, releaseSummary } from './views.ts';

const URL_SECONDS = 15 * 60;

/** A link to the sealed PDF; the download is an event of the trail. */
export async function sealedDownload(r: ReleaseRecord, actor: AuditActor, presence: Presence): Promise<{ url: string; fileName: string }> {
  if (!r.sealed) throw conflict('not_sealed', `${r.title} is not signed by everyone yet: there is no sealed PDF.`);
  const fileName = pdfName(r, ' (sealed)');
  await change(r.releaseId, (now) => ({ next: now, events: [event(now, 'downloaded', actor, presence, 'Sealed PDF')] }));
  return { url: await presignGet(r.sealed.key, { expiresIn: URL_SECONDS, downloadName: fileName }), fileName };
}

/** The audit trail as a readable document (the same typesetting as the releases). */
async function auditPdf(studio: Studio, r: ReleaseRecord, events: AuditRecord[], chainLine: string): Promise<Uint8Array> {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, inlines: [{ text: `Audit trail: ${r.title}` }] },
    { kind: 'paragraph', inlines: [{ text: `Release ${r.releaseId} of ${studio.name}. Document SHA-256 ${r.document.hash}.` }] },
    { kind: 'paragraph', inlines: [{ text: chainLine, bold: true }] },
    ...events.flatMap((e): Block[] => [
      { kind: 'heading', level: 3, inlines: [{ text: `#${e.seq} ${AUDIT_EVENT_NAMES[e.type]} — ${e.at}` }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ text: `By ${e.actor.name}${e.actor.email ? ` <${e.actor.email}>` : ''} (${AUTH_METHOD_NAMES[e.auth]})` }],
          ...(e.ip ? [[{ text: `From ${e.ip}${e.userAgent ? `, ${e.userAgent}` : ''}` }]] : []),
          ...(e.detail ? [[{ text: e.detail }]] : []),
          [{ text: `Hash ${e.hash}` }],
          [{ text: `Previous ${e.prevHash}` }],
        ],
      },
    ]),
  ];
  return (await renderTemplate({ title: `Audit trail: ${r.title}`, studioName: studio.name, blocks, parties: [] })).pdf;
}

async function zip(files: { name: string; body: Uint8Array | string }[]): Promise<Uint8Array> {
  // Stored, not deflated: the PDFs are compressed already, and any unzip reads a stored entry.
  const archive = new ZipArchive({ store: true });
  const chunks: Buffer[] = [];
  archive.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (const f of files) archive.append(typeof f.body === 'string' ? f.body : Buffer.from(f.body), { name: f.name });
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function disputeBundle(
  studio: Studio,
  r: ReleaseRecord,
  actor: AuditActor,
  presence: Presence,
): Promise<{ url: string; fileName: string }> {
  if (!r.sealed) throw conflict('not_sealed', `${r.title} is not signed by everyone yet: a dispute bundle holds the sealed PDF.`);
  const [sealed, events] = await Promise.all([getBytes(r.sealed.key), getAuditTrail(r.releaseId)]);
  if (!sealed) throw new Error(`Release ${r.releaseId}: the sealed PDF is missing`);
  const chain = verifyChain(r.releaseId, events, r.head);
  const chainLine = chain.intact
    ? `The audit chain is intact: ${chain.events} events, head #${chain.head?.seq} ${chain.head?.hash}.`
    : `The audit chain is BROKEN at event #${chain.brokenAt?.seq}: ${chain.brokenAt?.reason}.`;
  const body = await zip([
    { name: pdfName(r, ' (sealed)'), body: sealed },
    {
      name: 'audit-trail.json',
      body: JSON.stringify({ release: releaseSummary(r), sealed: r.sealed, events: events.map(auditView), chain }, null, 2),
    },
    { name: 'audit-trail.pdf', body: await auditPdf(studio, r, events, chainLine) },
    { name: 'chain-verification.txt', body: `${chainLine}\nChecked ${new Date().toISOString()}.\n` },
  ]);
  const key = objects.releaseBundle(r.studioId, r.releaseId, randomUUID());
  await putBytes(key, body, 'application/zip');
  const fileName = `${r.title} (dispute bundle).zip`;
  await change(r.releaseId, (now) => ({ next: now, events: [event(now, 'downloaded', actor, presence, 'Dispute bundle')] }));
  return { url: await presignGet(key, { expiresIn: URL_SECONDS, downloadName: fileName }), fileName };
}
