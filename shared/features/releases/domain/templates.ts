// The studio's templates: written in the template markup, or a PDF of its own. The starters come
// first in every studio's list and are read-only.
import { randomUUID } from 'node:crypto';
import { objects } from '../../../data/objects.ts';
import { conflict, invalid, notFound } from '../../../errors.ts';
import type { Studio } from '../../studios/index.ts';
import { deleteObject, getTemplate, listTemplates, presignPdfPut, putTemplate, deleteTemplate as removeTemplate } from '../data.ts';
import { templateFields } from '../pdf/template.ts';
import type { TemplateRecord } from '../records.ts';
import type { CreateTemplateBody, TemplateView, UpdateTemplateBody } from '../schemas.ts';
import { STARTERS, starterOf } from './starters.ts';

/** The fields a release must be given a value for: the studio's custom ones and the shoot date. */
export const FILLED_BY_STUDIO = (field: string) => field.startsWith('custom.') || field === 'shoot.date';

/** The fields the markup may name that Portico fills in itself. */
export const KNOWN_FIELDS = ['client.name', 'project.title', 'shoot.date', 'studio.name', 'release.date'] as const;

export function templateView(t: Omit<TemplateRecord, 'studioId'>, starter = false): TemplateView {
  return {
    templateId: t.templateId,
    name: t.name,
    kind: t.kind,
    format: t.format,
    source: t.source,
    fields: t.source ? templateFields(t.source) : [],
    pdfUploaded: t.pdfUploaded,
    starter,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** Refuses a field the markup names that nobody fills in: a typo would otherwise reach a signer as a blank. */
function assertKnownFields(source: string): void {
  const unknown = templateFields(source).filter((f) => !FILLED_BY_STUDIO(f) && !(KNOWN_FIELDS as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw invalid('unknown_fields', `The template names fields Portico does not know: ${unknown.map((f) => `{{${f}}}`).join(', ')}.`, {
      source: [`names unknown fields: ${unknown.join(', ')} (known: ${KNOWN_FIELDS.join(', ')}, and custom.<name>)`],
    });
}

export async function listStudioTemplates(studio: Studio): Promise<TemplateView[]> {
  const own = await listTemplates(studio.studioId);
  return [...STARTERS.map((t) => templateView(t, true)), ...own.sort((a, b) => a.name.localeCompare(b.name)).map((t) => templateView(t))];
}

/** A template of this studio, or a starter. */
export async function findTemplate(
  studio: Studio,
  templateId: string,
): Promise<{ template: Omit<TemplateRecord, 'studioId'>; starter: boolean }> {
  const starter = starterOf(templateId);
  if (starter) return { template: starter, starter: true };
  const own = await getTemplate(studio.studioId, templateId);
  if (!own) throw notFound('No such template.');
  return { template: own, starter: false };
}

export async function studioTemplate(studio: Studio, templateId: string): Promise<TemplateView> {
  const { template, starter } = await findTemplate(studio, templateId);
  return templateView(template, starter);
}

export async function createTemplate(studio: Studio, body: CreateTemplateBody): Promise<TemplateView> {
  if (body.format === 'text') assertKnownFields(body.source);
  const now = new Date().toISOString();
  const t: TemplateRecord = {
    templateId: randomUUID(),
    studioId: studio.studioId,
    name: body.name,
    kind: body.kind,
    format: body.format,
    source: body.format === 'text' ? body.source : null,
    pdfUploaded: false,
    createdAt: now,
    updatedAt: now,
  };
  await putTemplate(t);
  return templateView(t);
}

async function ownTemplate(studio: Studio, templateId: string): Promise<TemplateRecord> {
  if (starterOf(templateId)) throw conflict('starter_read_only', 'The starter templates cannot be changed: make a copy and change that.');
  const t = await getTemplate(studio.studioId, templateId);
  if (!t) throw notFound('No such template.');
  return t;
}

export async function updateTemplate(studio: Studio, templateId: string, body: UpdateTemplateBody): Promise<TemplateView> {
  const t = await ownTemplate(studio, templateId);
  if (body.source !== undefined && t.format !== 'text')
    throw conflict('pdf_template', 'This template is a PDF: upload a new file instead of text.');
  if (body.source !== undefined) assertKnownFields(body.source);
  const next: TemplateRecord = { ...t, ...body, updatedAt: new Date().toISOString() };
  await putTemplate(next);
  return templateView(next);
}

export async function deleteStudioTemplate(studio: Studio, templateId: string): Promise<void> {
  const t = await ownTemplate(studio, templateId);
  if (!(await removeTemplate(studio.studioId, templateId))) throw notFound('No such template.');
  if (t.format === 'pdf') await deleteObject(objects.releaseTemplatePdf(studio.studioId, templateId));
}

/** A link to upload a PDF template's file; the template counts as uploaded once the file is there (checked when used). */
export async function templatePdfUpload(studio: Studio, templateId: string, size: number) {
  const t = await ownTemplate(studio, templateId);
  if (t.format !== 'pdf') throw conflict('text_template', 'This template is written in text: it has no PDF to upload.');
  const expiresIn = 15 * 60;
  const upload = await presignPdfPut(objects.releaseTemplatePdf(studio.studioId, templateId), size, expiresIn);
  if (!t.pdfUploaded) await putTemplate({ ...t, pdfUploaded: true, updatedAt: new Date().toISOString() });
  return { upload: { ...upload, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() } };
}
