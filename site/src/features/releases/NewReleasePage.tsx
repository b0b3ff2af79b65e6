// The Portal Manager's "New release": a template, a title, the signers and their order, an optional
// countersigner, the deadline and reminders, an optional gallery (whose downloads may wait for the
// signatures) or project, the template's own fields; kept as a draft or sent at once.
import { SIGNING_ORDERS } from '../../../../shared/features/releases/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { today } from '../../lib/dates.ts';
import { useTitle } from '../../lib/hooks.ts';
import type { ClientSummary, Ok } from '../../lib/types.ts';
import { ReleasesShell } from './ReleasesShell.tsx';
import { SignerRows } from './SignerRows.tsx';
import { fieldLabel, useNewRelease, useNewReleaseData } from './useNewRelease.ts';

const ORDER_NAMES = { parallel: 'All at once', sequential: 'In order, one after the other' } as const;

type Data = {
  templates: Ok<'listReleaseTemplates'>['templates'];
  clients: ClientSummary[];
  team: Ok<'listTeam'>['members'];
  galleries: Ok<'listStudioGalleries'>['galleries'];
  projects: Ok<'listProjects'>['projects'];
};

export default function NewReleasePage() {
  const load = useNewReleaseData();
  const me = load.state === 'ready' ? load.data.me : undefined;
  useTitle(me && `New release · ${me.studio.name} · Portico`);
  return (
    <ReleasesShell me={me} title="New release" section="releases">
      {load.state === 'loading' && <Loading label="Loading templates and clients…" />}
      {load.state === 'failed' && <LoadFailed error={load.error} retry={load.reload} />}
      {load.state === 'ready' && <NewReleaseForm data={load.data} />}
    </ReleasesShell>
  );
}

function NewReleaseForm({ data }: { data: Data }) {
  const f = useNewRelease(data.templates);
  const v = f.values;
  return (
    <form
      class="card release-form"
      noValidate
      aria-labelledby="new-release-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void f.submit(true);
      }}
    >
      <h2 id="new-release-heading" class="visually-hidden">
        New release
      </h2>
      <Select id="release-template" label="Template" value={v.templateId} onValue={f.set.templateId} error={f.problem('templateId')}>
        {!f.usable.length && <option value="">No template yet</option>}
        {f.usable.map((t) => (
          <option key={t.templateId} value={t.templateId}>
            {/* A starter's name already says "(starter)". */}
            {t.name}
          </option>
        ))}
      </Select>
      <Field
        id="release-title"
        label="Title"
        maxLength={160}
        autoComplete="off"
        value={v.title}
        onValue={f.set.title}
        error={f.problem('title')}
      />
      <SignerRows signers={v.signers} clients={data.clients} onChange={f.set.signers} problem={f.problem} />
      <fieldset class="release-fieldset">
        <legend class="field__label">Signing order</legend>
        {SIGNING_ORDERS.map((o) => (
          <label key={o} class="check">
            <input type="radio" name="release-order" value={o} checked={v.order === o} onChange={() => f.set.order(o)} />
            {ORDER_NAMES[o]}
          </label>
        ))}
      </fieldset>
      <Select
        id="release-countersigner"
        label="Countersigner"
        value={v.countersignerId}
        onValue={f.set.countersignerId}
        error={f.problem('countersignerId')}
      >
        <option value="">No countersignature</option>
        {data.team.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name} ({m.email})
          </option>
        ))}
      </Select>
      <Field
        id="release-deadline"
        label="Deadline"
        type="date"
        min={today()}
        optional
        value={v.deadline}
        onValue={f.set.deadline}
        error={f.problem('deadline')}
      />
      <Field
        id="release-remind"
        label="Remind every (days)"
        type="number"
        min={0}
        max={30}
        hint="0: no reminders."
        value={v.remindEveryDays}
        onValue={f.set.remindEveryDays}
        error={f.problem('remindEveryDays')}
      />
      <Select id="release-gallery" label="Gallery" value={v.galleryId} onValue={f.set.galleryId} error={f.problem('galleryId')}>
        <option value="">No gallery</option>
        {data.galleries.map((g) => (
          <option key={g.galleryId} value={g.galleryId}>
            {g.title} ({g.clientName})
          </option>
        ))}
      </Select>
      <label class="check">
        <input
          type="checkbox"
          checked={v.requiredForDownloads && Boolean(v.galleryId)}
          disabled={!v.galleryId}
          onChange={(e) => f.set.requiredForDownloads(e.currentTarget.checked)}
        />
        Require signature before downloads
      </label>
      {f.problem('requiredForDownloads') && <p class="field__error">{f.problem('requiredForDownloads')}</p>}
      <Select id="release-project" label="Project" value={v.projectId} onValue={f.set.projectId} error={f.problem('projectId')}>
        <option value="">No project</option>
        {data.projects.map((p) => (
          <option key={p.projectId} value={p.projectId}>
            {p.title}
          </option>
        ))}
      </Select>
      {f.wanted.shootDate && (
        <Field
          id="release-shoot-date"
          label="Shoot date"
          type="date"
          optional
          value={v.shootDate}
          onValue={f.set.shootDate}
          error={f.problem('shootDate')}
        />
      )}
      {f.wanted.custom.map((key) => (
        <Field
          key={key}
          id={`release-${key.replace('.', '-')}`}
          label={fieldLabel(key)}
          optional
          maxLength={2000}
          value={v.fields[key] ?? ''}
          onValue={(value) => f.set.field(key, value)}
          error={f.problem(`fields.${key}`)}
        />
      ))}
      {f.problem('fields') && <p class="field__error">{f.problem('fields')}</p>}
      <Notice role="alert">
        {f.error}
        {f.others.length > 0 && (
          <ul>
            {f.others.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        )}
      </Notice>
      <div class="release-form__buttons">
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={f.busy !== null || undefined}
          onClick={() => void f.submit(false)}
        >
          {f.busy === 'draft' && <Spinner />}
          Save draft
        </button>
        <button type="submit" class="button button--primary" aria-disabled={f.busy !== null || undefined}>
          {f.busy === 'send' && <Spinner />}
          Send now
        </button>
      </div>
    </form>
  );
}
