// The templates page's calls: the list, saving a text template, and a PDF template's file (a
// presigned PUT straight to storage, with the headers the ticket names).
import type { ReleaseKind } from '../../../../shared/features/releases/constants.ts';
import type { TemplateView } from '../../../../shared/features/releases/schemas.ts';
import { ApiError, call } from '../../lib/api.ts';

export interface TemplateDraft {
  name: string;
  kind: ReleaseKind;
  format: 'text' | 'pdf';
  source: string;
  file: File | null;
}

async function uploadPdf(templateId: string, file: File): Promise<void> {
  const { upload } = await call('startTemplatePdfUpload', { params: { templateId }, body: { size: file.size } });
  const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file }).catch(() => null);
  if (!res?.ok) throw new ApiError(res?.status ?? 0, { error: 'upload_failed', message: 'The PDF did not upload. Please try again.' });
}

/** Creates or changes a template; a PDF template's file goes up after its record exists. */
export async function saveTemplate(existing: TemplateView | null, d: TemplateDraft): Promise<TemplateView> {
  const name = d.name.trim();
  let template: TemplateView;
  if (existing) {
    const body = existing.format === 'text' ? { name, kind: d.kind, source: d.source } : { name, kind: d.kind };
    template = (await call('updateReleaseTemplate', { params: { templateId: existing.templateId }, body })).template;
  } else if (d.format === 'text') {
    template = (await call('createReleaseTemplate', { body: { format: 'text', name, kind: d.kind, source: d.source } })).template;
  } else {
    template = (await call('createReleaseTemplate', { body: { format: 'pdf', name, kind: d.kind } })).template;
  }
  if (template.format === 'pdf' && d.file) {
    await uploadPdf(template.templateId, d.file);
    template = (await call('getReleaseTemplate', { params: { templateId: template.templateId } })).template;
  }
  return template;
}

/** A starter's text as the studio's own template, to change freely. */
export const copyStarter = (starter: TemplateView) =>
  call('createReleaseTemplate', {
    body: { format: 'text', name: `${starter.name} (copy)`.slice(0, 120), kind: starter.kind, source: starter.source ?? '' },
  }).then((r) => r.template);

export const deleteTemplate = (t: TemplateView) => call('deleteReleaseTemplate', { params: { templateId: t.templateId } });
