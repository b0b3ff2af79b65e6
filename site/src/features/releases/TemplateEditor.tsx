// Writing a template: its name and kind, then its text (with a short syntax help) or its PDF.
import { useState } from 'preact/hooks';
import { RELEASE_KIND_NAMES, RELEASE_KINDS, RELEASE_LIMITS } from '../../../../shared/features/releases/constants.ts';
import type { TemplateView } from '../../../../shared/features/releases/schemas.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { ApiError, messageOf } from '../../lib/api.ts';
import { saveTemplate, type TemplateDraft } from './useTemplates.ts';

const SYNTAX: [string, string][] = [
  ['# Heading', 'a heading'],
  ['- list', 'a list item'],
  ['**bold**', 'bold'],
  ['*italic*', 'italic'],
  ['{{client.name}}', 'the signer’s name'],
  ['{{project.title}}', 'the project’s title'],
  ['{{shoot.date}}', 'the shoot’s date'],
  ['{{studio.name}}', 'your studio’s name'],
  ['{{custom.key}}', 'a value you fill in per release (e.g. {{custom.fee}})'],
  ['[[sign:1]]', 'where signer 1 signs'],
  ['[[initials:1]]', 'where signer 1 initials'],
  ['[[date:1]]', 'the date signer 1 signed'],
  ['[[sign:studio]]', 'where your countersigner signs'],
];

export function TemplateEditor({
  existing,
  onSaved,
  onCancel,
}: {
  existing: TemplateView | null;
  onSaved: (t: TemplateView) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<TemplateDraft>({
    name: existing?.name ?? '',
    kind: existing?.kind ?? 'release',
    format: existing?.format ?? 'text',
    source: existing?.source ?? '',
    file: null,
  });
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TemplateDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local = {
      name: d.name.trim() ? undefined : 'Give the template a name.',
      source: d.format === 'text' && !d.source.trim() ? 'Write the template’s text.' : undefined,
      file: d.file && d.file.size > RELEASE_LIMITS.pdfBytes ? 'The PDF is larger than 20 MB.' : undefined,
    };
    setProblems(local);
    if (Object.values(local).some(Boolean)) return setError('Please check the highlighted fields.');
    setBusy(true);
    setError('');
    try {
      onSaved(await saveTemplate(existing, d));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setProblems({ name: err.field('name'), source: err.field('source'), file: err.field('size') });
        setError('Please check the highlighted fields.');
      } else setError(messageOf(err));
    }
  };
  return (
    <form class="card release-form" noValidate aria-labelledby="template-editor-heading" onSubmit={submit}>
      <h2 id="template-editor-heading">{existing ? `Edit “${existing.name}”` : 'New template'}</h2>
      <Field
        id="template-name"
        label="Name"
        maxLength={RELEASE_LIMITS.templateName}
        autoComplete="off"
        value={d.name}
        onValue={(name) => set({ name })}
        error={problems.name}
      />
      <Select id="template-kind" label="Kind" value={d.kind} onValue={(v) => set({ kind: v as TemplateDraft['kind'] })}>
        {RELEASE_KINDS.map((k) => (
          <option key={k} value={k}>
            {RELEASE_KIND_NAMES[k]}
          </option>
        ))}
      </Select>
      {!existing && (
        <fieldset class="release-fieldset">
          <legend class="field__label">Format</legend>
          <label class="check">
            <input type="radio" name="template-format" checked={d.format === 'text'} onChange={() => set({ format: 'text' })} />
            Write the text here
          </label>
          <label class="check">
            <input type="radio" name="template-format" checked={d.format === 'pdf'} onChange={() => set({ format: 'pdf' })} />
            Upload your own PDF
          </label>
        </fieldset>
      )}
      {d.format === 'text' ? (
        <div class={`field${problems.source ? ' field--invalid' : ''}`}>
          <label class="field__label" for="template-source">
            Text
          </label>
          <details class="template-syntax" id="template-source-hint">
            <summary>How to write a template</summary>
            <dl>
              {SYNTAX.map(([code, what]) => (
                <div key={code}>
                  <dt>
                    <code>{code}</code>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </details>
          <textarea
            id="template-source"
            class="textarea template-source"
            rows={16}
            maxLength={RELEASE_LIMITS.templateSource}
            value={d.source}
            spellcheck
            aria-invalid={problems.source ? 'true' : undefined}
            aria-describedby={`template-source-hint${problems.source ? ' template-source-error' : ''}`}
            onInput={(e) => set({ source: e.currentTarget.value })}
          />
          {problems.source && (
            <p class="field__error" id="template-source-error">
              {problems.source}
            </p>
          )}
        </div>
      ) : (
        <div class={`field${problems.file ? ' field--invalid' : ''}`}>
          <label class="field__label" for="template-file">
            PDF file
          </label>
          <p class="field__hint">
            {existing?.pdfUploaded
              ? 'Uploaded. Choose another file to replace it.'
              : 'At most 20 MB. A signature page is added when a release is made from it.'}
          </p>
          <input
            id="template-file"
            type="file"
            accept="application/pdf"
            onChange={(e) => set({ file: e.currentTarget.files?.[0] ?? null })}
          />
          {problems.file && <p class="field__error">{problems.file}</p>}
        </div>
      )}
      <Notice role="alert">{error}</Notice>
      <div class="release-form__buttons">
        <button type="submit" class="button button--primary" aria-disabled={busy || undefined}>
          {busy && <Spinner />}
          Save template
        </button>
        <button type="button" class="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
