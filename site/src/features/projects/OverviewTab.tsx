import { useState } from 'preact/hooks';
import {
  DELIVERABLE_DOWNLOADS,
  type DeliverableDownloads,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../../../shared/features/projects/constants.ts';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { Field } from '../../components/ui/Field.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import type { StudioMe, StudioProject } from '../../lib/types.ts';
import { PeopleCard } from './PeopleCard.tsx';
import { PROJECT_STATUS } from './project-status.ts';
import { TeamList } from './TeamList.tsx';

type Saved = (p: StudioProject) => void;

const DOWNLOAD_LABELS: Record<DeliverableDownloads, string> = {
  approved: 'Approved versions only',
  any: 'Any version sent for review',
  none: 'None (we deliver the files otherwise)',
};

/** A request that answers with the project: busy while it runs, its error kept for the card. */
function useSave(onSaved: Saved) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (task: () => Promise<{ project: StudioProject }>) => {
    if (busy) return false;
    setBusy(true);
    setError('');
    try {
      onSaved((await task()).project);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function OverviewTab({ project, me, onSaved }: { project: StudioProject; me: StudioMe; onSaved: Saved }) {
  const admin = roleAtLeast(me.user.role, 'admin');
  return (
    <div class="project-overview">
      <MilestonesCard project={project} onSaved={onSaved} />
      <DetailsCard project={project} onSaved={onSaved} />
      {admin ? <PeopleCard project={project} onSaved={onSaved} /> : <TeamCard project={project} />}
    </div>
  );
}

function TeamCard({ project }: { project: StudioProject }) {
  return (
    <section class="card" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      <TeamList team={project.team} />
    </section>
  );
}

function DetailsCard({ project, onSaved }: { project: StudioProject; onSaved: Saved }) {
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [startDate, setStartDate] = useState(project.startDate ?? '');
  const [dueDate, setDueDate] = useState(project.dueDate ?? '');
  const [summary, setSummary] = useState(project.summary);
  const [notes, setNotes] = useState(project.internalNotes);
  const [manual, setManual] = useState(project.progressMode === 'manual');
  const [percent, setPercent] = useState(String(project.manualPercent ?? project.percentDone));
  const [downloads, setDownloads] = useState<DeliverableDownloads>(project.deliverableDownloads);
  const [saved, setSavedNote] = useState('');
  const save = useSave(onSaved);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSavedNote('');
    const ok = await save.run(() =>
      call('updateProject', {
        params: { projectId: project.projectId },
        body: {
          status,
          startDate: startDate || null,
          dueDate: dueDate || null,
          summary,
          internalNotes: notes,
          progressMode: manual ? 'manual' : 'milestones',
          ...(manual ? { manualPercent: Math.max(0, Math.min(100, Number(percent) || 0)) } : {}),
          deliverableDownloads: downloads,
        },
      }),
    );
    if (ok) setSavedNote('Saved.');
  };

  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <form class="stack" noValidate onSubmit={submit}>
        <Select id="project-status" label="Status" value={status} onValue={(v) => setStatus(v as ProjectStatus)}>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROJECT_STATUS[s].label}
            </option>
          ))}
        </Select>
        <div class="field-row">
          <Field id="project-start" label="Start" type="date" optional value={startDate} onValue={setStartDate} />
          <Field id="project-due" label="Due" type="date" optional value={dueDate} onValue={setDueDate} />
        </div>
        <label class="field">
          <span class="field__label">Summary for the client</span>
          <textarea class="textarea" rows={3} maxLength={2000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">Internal notes</span>
          <span class="field__hint">Only your team sees these: never the client.</span>
          <textarea class="textarea" rows={3} maxLength={5000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={manual} onChange={(e) => setManual(e.currentTarget.checked)} />
          Set % done by hand (instead of from the milestones)
        </label>
        {manual && <Field id="project-percent" label="% done" type="number" min={0} max={100} value={percent} onValue={setPercent} />}
        <Select
          id="project-downloads"
          label="Clients may download deliverables"
          value={downloads}
          onValue={(v) => setDownloads(v as DeliverableDownloads)}
        >
          {DELIVERABLE_DOWNLOADS.map((d) => (
            <option key={d} value={d}>
              {DOWNLOAD_LABELS[d]}
            </option>
          ))}
        </Select>
        <div class="actions">
          <button type="submit" class="button button--primary" aria-disabled={save.busy || undefined}>
            {save.busy && <Spinner />}
            Save details
          </button>
          <span class="muted small" role="status">
            {saved}
          </span>
        </div>
        <Notice role="alert">{save.error}</Notice>
      </form>
    </section>
  );
}

function MilestonesCard({ project, onSaved }: { project: StudioProject; onSaved: Saved }) {
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [weight, setWeight] = useState('1');
  const [problem, setProblem] = useState<string | undefined>();
  const save = useSave(onSaved);
  const projectId = project.projectId;

  const add = async (e: Event) => {
    e.preventDefault();
    if (!title.trim()) return setProblem('Name the milestone.');
    setProblem(undefined);
    const ok = await save.run(() =>
      call('addMilestone', {
        params: { projectId },
        body: { title: title.trim(), dueDate: dueDate || null, weight: Math.max(1, Math.min(100, Number(weight) || 1)) },
      }),
    );
    if (ok) {
      setTitle('');
      setDueDate('');
      setWeight('1');
    }
  };

  return (
    <section class="card" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      {project.milestones.length ? (
        <ul class="milestones">
          {project.milestones.map((m) => (
            <li key={m.milestoneId} class={`milestone${m.done ? ' milestone--done' : ''}`} data-testid="milestone">
              <label class="check">
                <input
                  type="checkbox"
                  checked={m.done}
                  onChange={(e) =>
                    void save.run(() =>
                      call('updateMilestone', {
                        params: { projectId, milestoneId: m.milestoneId },
                        body: { done: e.currentTarget.checked },
                      }),
                    )
                  }
                />
                <span class="milestone__title">{m.title}</span>
              </label>
              <span class="muted small">
                {m.dueDate ? <time dateTime={m.dueDate}>{formatDate(m.dueDate)}</time> : 'No date'}
                {m.weight !== 1 && ` · weight ${m.weight}`}
              </span>
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => void save.run(() => call('deleteMilestone', { params: { projectId, milestoneId: m.milestoneId } }))}
              >
                Remove<span class="visually-hidden"> {m.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No milestones yet. Add the steps your client should see, with their dates.</p>
      )}
      <form class="milestone-form" noValidate onSubmit={add}>
        <Field id="milestone-title" label="New milestone" maxLength={120} value={title} onValue={setTitle} error={problem} />
        <Field id="milestone-due" label="Date" type="date" optional value={dueDate} onValue={setDueDate} />
        <Field
          id="milestone-weight"
          label="Weight"
          type="number"
          min={1}
          max={100}
          value={weight}
          onValue={setWeight}
          hint="How much of the project it is"
        />
        <button type="submit" class="button button--secondary" aria-disabled={save.busy || undefined}>
          {save.busy && <Spinner />}
          Add milestone
        </button>
      </form>
      <Notice role="alert">{save.error}</Notice>
    </section>
  );
}
