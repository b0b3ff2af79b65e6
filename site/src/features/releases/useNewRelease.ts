// The "New release" form's data and state: what it picks from (templates, clients, team, galleries,
// projects), what was entered, and the request it makes. The API is the judge: a 400's `fields`
// land next to the inputs they name.
import { useState } from 'preact/hooks';
import type { CreateReleaseBody, TemplateView } from '../../../../shared/features/releases/schemas.ts';
import { roleAtLeast } from '../../../../shared/features/studios/constants.ts';
import { ApiError, call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import { allClients, callAll } from '../../lib/paging.ts';
import { studioReleaseHref } from './labels.ts';

export type SignerDraft = { kind: 'client'; clientId: string } | { kind: 'guest'; name: string; email: string };

/** The custom fields a template fills in (`custom.fee`), and whether it needs the shoot's date. */
export const templateFields = (t: TemplateView | undefined) => ({
  custom: (t?.fields ?? []).filter((f) => f.startsWith('custom.')),
  shootDate: (t?.fields ?? []).includes('shoot.date'),
});

/** "custom.usage_fee" → "Usage fee". */
export const fieldLabel = (key: string) => {
  const words = key.replace(/^custom\./, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function useNewReleaseData() {
  return useLoad(async () => {
    const me = await call('getStudioMe');
    const admin = roleAtLeast(me.user.role, 'admin');
    const [templates, clients, team, galleries, projects] = await Promise.all([
      call('listReleaseTemplates'),
      admin ? allClients() : Promise.resolve({ clients: [] }),
      call('listTeam'),
      callAll('listStudioGalleries', 'galleries'),
      callAll('listProjects', 'projects'),
    ]);
    // An owner or an admin countersigns (the Portal Manager is theirs).
    const countersigners = team.members.filter((m) => roleAtLeast(m.role, 'admin'));
    return { me, templates: templates.templates, clients: clients.clients, team: countersigners, galleries, projects };
  });
}

export function useNewRelease(templates: TemplateView[]) {
  const preset = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('template');
  const usable = templates.filter((t) => t.format === 'text' || t.pdfUploaded);
  const [templateId, setTemplateId] = useState(usable.find((t) => t.templateId === preset)?.templateId ?? usable[0]?.templateId ?? '');
  const [title, setTitle] = useState('');
  const [signers, setSigners] = useState<SignerDraft[]>([{ kind: 'client', clientId: '' }]);
  const [order, setOrder] = useState<'parallel' | 'sequential'>('parallel');
  const [countersignerId, setCountersignerId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [remindEveryDays, setRemindEveryDays] = useState('3');
  const [galleryId, setGalleryId] = useState('');
  const [requiredForDownloads, setRequiredForDownloads] = useState(false);
  const [projectId, setProjectId] = useState('');
  const [shootDate, setShootDate] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'draft' | 'send' | null>(null);

  const template = templates.find((t) => t.templateId === templateId);
  const wanted = templateFields(template);

  const body = (send: boolean): CreateReleaseBody => ({
    templateId,
    title: title.trim(),
    signers: signers.map((s) => (s.kind === 'client' ? { clientId: s.clientId } : { name: s.name.trim(), email: s.email.trim() })),
    order,
    countersignerId: countersignerId || null,
    deadline: deadline || null,
    remindEveryDays: Number.parseInt(remindEveryDays, 10) || 0,
    galleryId: galleryId || null,
    projectId: projectId || null,
    requiredForDownloads: Boolean(galleryId) && requiredForDownloads,
    shootDate: wanted.shootDate && shootDate ? shootDate : null,
    fields: Object.fromEntries(wanted.custom.map((k) => [k, (fields[k] ?? '').trim()])),
    send,
  });

  const submit = async (send: boolean) => {
    if (busy) return;
    setError('');
    const local: Record<string, string[]> = {};
    if (!templateId) local.templateId = ['Choose a template.'];
    if (!title.trim()) local.title = ['Give the release a title.'];
    signers.forEach((s, i) => {
      if (s.kind === 'client' && !s.clientId) local[`signers.${i}.clientId`] = ['Choose a client, or someone without an account.'];
      if (s.kind === 'guest' && !s.name.trim()) local[`signers.${i}.name`] = ['Enter their name.'];
      if (s.kind === 'guest' && !s.email.trim()) local[`signers.${i}.email`] = ['Enter their email address.'];
    });
    setProblems(local);
    if (Object.keys(local).length) return setError('Please check the highlighted fields.');
    setBusy(send ? 'send' : 'draft');
    try {
      const { release } = await call('createRelease', { body: body(send) });
      location.assign(studioReleaseHref(release.releaseId));
    } catch (e) {
      setBusy(null);
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        setProblems(e.fields);
        setError('Please check the highlighted fields.');
      } else setError(messageOf(e));
    }
  };

  const problem = (key: string) => problems[key]?.[0];
  /** Field errors the form has no input for, said in the summary instead. */
  const known = (key: string) =>
    /^(templateId|title|signers(\.\d+\.(clientId|name|email))?|countersignerId|deadline|remindEveryDays|galleryId|projectId|requiredForDownloads|shootDate|fields\.custom\..+)$/.test(
      key,
    );
  const others = Object.entries(problems)
    .filter(([k]) => !known(k))
    .map(([k, v]) => `${k}: ${v[0]}`);

  return {
    usable,
    template,
    wanted,
    values: {
      templateId,
      title,
      signers,
      order,
      countersignerId,
      deadline,
      remindEveryDays,
      galleryId,
      requiredForDownloads,
      projectId,
      shootDate,
      fields,
    },
    set: {
      templateId: setTemplateId,
      title: setTitle,
      signers: setSigners,
      order: setOrder,
      countersignerId: setCountersignerId,
      deadline: setDeadline,
      remindEveryDays: setRemindEveryDays,
      galleryId: setGalleryId,
      requiredForDownloads: setRequiredForDownloads,
      projectId: setProjectId,
      shootDate: setShootDate,
      field: (key: string, value: string) => setFields((f) => ({ ...f, [key]: value })),
    },
    problem,
    others,
    error,
    busy,
    submit,
  };
}
