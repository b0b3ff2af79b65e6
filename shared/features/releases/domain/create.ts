// Making a release: the template filled in for its signers, rendered to the PDF every signer will
// be shown, hashed, stored; the audit trail starts with "created".
import { randomUUID } from 'node:crypto';
import { objects } from '../../../data/objects.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import { getClient } from '../../clients/index.ts';
import { getGallery } from '../../galleries/index.ts';
import { getProject } from '../../projects/index.ts';
import { getStudioUser, roleAtLeast, type Studio, type StudioUser } from '../../studios/index.ts';
import { STUDIO_SLOT } from '../constants.ts';
import { getBytes, putBytes, putNewRelease } from '../data.ts';
import { appendSignaturePage, type Party, PdfUnreadable, renderTemplate, unsupportedCharacters } from '../pdf/render.ts';
import { FieldMissing, fillTemplate, parseTemplate, templateFields } from '../pdf/template.ts';
import type { Presence, ReleaseRecord, SignerRecord } from '../records.ts';
import type { CreateReleaseBody } from '../schemas.ts';
import { event, sha256 } from './act.ts';
import { GENESIS, link } from './chain.ts';
import { longDate } from './emails.ts';
import { findTemplate } from './templates.ts';

async function resolveSigners(studio: Studio, body: CreateReleaseBody): Promise<SignerRecord[]> {
  const signers: SignerRecord[] = [];
  for (const [i, s] of body.signers.entries()) {
    let who: { name: string; email: string; clientId: string | null };
    if ('clientId' in s) {
      const client = await getClient(studio.studioId, s.clientId);
      if (!client) throw notFound('No such client.', { [`signers.${i}.clientId`]: ['is not a client of this studio'] });
      who = { name: client.name, email: client.email, clientId: client.clientId };
    } else {
      who = { name: s.name, email: s.email, clientId: null };
    }
    if (signers.some((o) => o.email === who.email))
      throw invalid('duplicate_signer', `${who.email} is named twice: each signer signs once.`, {
        [`signers.${i}`]: ['names a signer twice'],
      });
    signers.push({
      signerId: randomUUID(),
      slot: String(i + 1),
      ...who,
      state: 'waiting',
      sentAt: null,
      openedAt: null,
      viewedAt: null,
      consentVersion: null,
      consentAt: null,
      signedAt: null,
      declinedAt: null,
      declineReason: null,
      presence: null,
      linkHash: null,
    });
  }
  return signers;
}

async function resolveCountersigner(studio: Studio, userId: string | null | undefined): Promise<StudioUser | null> {
  if (!userId) return null;
  const user = await getStudioUser(userId);
  if (!user || user.studioId !== studio.studioId) throw notFound('No such team member.', { countersignerId: ['is not on this team'] });
  // Countersigning happens in the Portal Manager, which is the owners' and admins'.
  if (!roleAtLeast(user.role, 'admin'))
    throw invalid('countersigner_role', `${user.name} is a member: an owner or an admin countersigns.`, {
      countersignerId: ['must be an owner or an admin'],
    });
  return user;
}

/** The values the markup's fields take; a custom field or the shoot date the template names and the body lacks is refused. */
function fieldValues(
  studio: Studio,
  body: CreateReleaseBody,
  signers: SignerRecord[],
  titles: { project: string | null; gallery: string | null },
  fields: string[],
): Record<string, string> {
  const values: Record<string, string> = {
    'client.name': signers.map((s) => s.name).join(' and '),
    'project.title': titles.project ?? titles.gallery ?? body.title,
    'studio.name': studio.name,
    'release.date': longDate(new Date().toISOString().slice(0, 10)),
    ...body.fields,
  };
  if (body.shootDate) values['shoot.date'] = longDate(body.shootDate);
  const missing = fields.filter((f) => values[f] === undefined);
  if (missing.length > 0)
    throw invalid('fields_missing', `The template needs a value for ${missing.join(', ')}.`, {
      ...Object.fromEntries(missing.filter((f) => f.startsWith('custom.')).map((f) => [`fields.${f}`, ['is needed by the template']])),
      ...(missing.includes('shoot.date') ? { shootDate: ['is needed by the template'] } : {}),
    });
  return values;
}

function assertDrawable(values: Record<string, string>, extra: string[]): void {
  const bad = [...new Set([...Object.values(values), ...extra].flatMap((v) => unsupportedCharacters(v)))];
  if (bad.length > 0)
    throw invalid(
      'unsupported_characters',
      `The PDF's fonts cannot draw ${bad
        .slice(0, 10)
        .map((c) => `"${c}" (U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ')}. Remove them or write them out in words.`,
    );
}

export async function createRelease(studio: Studio, user: StudioUser, body: CreateReleaseBody, presence: Presence): Promise<ReleaseRecord> {
  const { template } = await findTemplate(studio, body.templateId);
  const [signers, countersigner, gallery, project] = await Promise.all([
    resolveSigners(studio, body),
    resolveCountersigner(studio, body.countersignerId),
    body.galleryId ? getGallery(studio.studioId, body.galleryId) : null,
    body.projectId ? getProject(studio.studioId, body.projectId) : null,
  ]);
  if (body.galleryId && !gallery) throw notFound('No such gallery.', { galleryId: ['is not a gallery of this studio'] });
  if (body.projectId && !project) throw notFound('No such project.', { projectId: ['is not a project of this studio'] });
  if (body.requiredForDownloads && !signers.some((s) => s.clientId))
    throw invalid(
      'no_portal_signer',
      'Only signers with a portal account download from a gallery: add one, or do not hold the downloads back.',
      {
        requiredForDownloads: ['needs a signer who is a portal client'],
      },
    );

  const parties: Party[] = [
    ...signers.map((s) => ({ slot: s.slot, name: s.name, email: s.email })),
    ...(countersigner ? [{ slot: STUDIO_SLOT, name: countersigner.name, email: countersigner.email }] : []),
  ];
  assertDrawable({}, [body.title, ...parties.map((p) => p.name)]);
  let rendered: Awaited<ReturnType<typeof renderTemplate>>;
  const fields = template.source ? templateFields(template.source) : [];
  const values = fieldValues(studio, body, signers, { project: project?.title ?? null, gallery: gallery?.title ?? null }, fields);
  if (template.format === 'text' && template.source) {
    assertDrawable(values, [template.source]);
    try {
      const blocks = fillTemplate(parseTemplate(template.source), values);
      // A mark for a party who is not there (a countersignature without a countersigner) is dropped.
      const present = new Set(parties.map((p) => p.slot));
      rendered = await renderTemplate({
        title: body.title,
        studioName: studio.name,
        blocks: blocks.filter((b) => b.kind !== 'mark' || present.has(b.slot)),
        parties,
      });
    } catch (e) {
      if (e instanceof FieldMissing) throw invalid('fields_missing', `The template needs a value for ${e.fields.join(', ')}.`);
      throw e;
    }
  } else {
    const pdf = await getBytes(objects.releaseTemplatePdf(studio.studioId, template.templateId));
    if (!pdf) throw conflict('pdf_missing', "This template's PDF has not been uploaded yet.");
    try {
      rendered = await appendSignaturePage({ pdf, title: body.title, studioName: studio.name, parties });
    } catch (e) {
      if (e instanceof PdfUnreadable) throw invalid('pdf_unreadable', `The template's PDF cannot be used: ${e.message}`);
      throw e;
    }
  }

  const releaseId = randomUUID();
  const now = new Date().toISOString();
  const key = objects.releaseDocument(studio.studioId, releaseId);
  const hash = sha256(rendered.pdf);
  await putBytes(key, rendered.pdf, 'application/pdf');
  const release: ReleaseRecord = {
    releaseId,
    studioId: studio.studioId,
    title: body.title,
    kind: template.kind,
    templateId: template.templateId,
    state: 'draft',
    order: body.order,
    signers,
    countersigner: countersigner
      ? {
          userId: countersigner.userId,
          name: countersigner.name,
          email: countersigner.email,
          signedAt: null,
          consentVersion: null,
          presence: null,
        }
      : null,
    deadline: body.deadline ?? null,
    remindEveryDays: body.remindEveryDays,
    lastRemindedAt: null,
    gallery: gallery ? { id: gallery.galleryId, title: gallery.title } : null,
    project: project ? { id: project.projectId, title: project.title } : null,
    requiredForDownloads: body.requiredForDownloads,
    fields: Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f] as string])),
    document: { key, hash, pageCount: rendered.pageCount, spots: rendered.spots, pages: null },
    sealed: null,
    voidReason: null,
    head: { seq: 0, hash: GENESIS },
    createdBy: { userId: user.userId, name: user.name },
    createdAt: now,
    sentAt: null,
    completedAt: null,
    updatedAt: now,
  };
  const events = link(release.head, [
    event(
      release,
      'created',
      { kind: 'user', id: user.userId, name: user.name, email: user.email },
      presence,
      `From the template "${template.name}": ${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'}, SHA-256 ${hash}`,
    ),
  ]);
  const last = events.at(-1) as (typeof events)[number];
  const stored = { ...release, head: { seq: last.seq, hash: last.hash } };
  await putNewRelease(stored, events);
  return stored;
}
