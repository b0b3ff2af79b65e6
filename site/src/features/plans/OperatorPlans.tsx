import { useState } from 'preact/hooks';
import { ADD_ON_NAMES, ADD_ONS, PLAN_NAMES, PLANS, type Plan } from '../../../../shared/features/plans/constants.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { call, messageOf } from '../../lib/api.ts';
import { useLoad } from '../../lib/hooks.ts';
import type { Ok } from '../../lib/types.ts';

type OperatorStudio = Ok<'listStudiosForOperator'>['studios'][number];

/** The operator's view: every studio of the deployment, each with its plan to change. */
export function OperatorPlans() {
  const [pages, setPages] = useState<OperatorStudio[][]>([]);
  const [next, setNext] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await call('listStudiosForOperator', { query: {} });
    setPages([page.studios]);
    setNext(page.nextCursor);
    return page;
  });
  const [error, setError] = useState('');
  const more = async () => {
    if (!next) return;
    try {
      const page = await call('listStudiosForOperator', { query: { cursor: next } });
      setPages((p) => [...p, page.studios]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const studios = pages.flat();
  return (
    <section class="card card--flush" aria-labelledby="operator-heading">
      <div class="card__head">
        <h2 id="operator-heading">Studios on this deployment</h2>
        <p class="muted">You are an operator here. A plan takes effect at once; a lower plan deletes nothing.</p>
      </div>
      <Notice role="alert">{error}</Notice>
      {first.state === 'loading' && <Loading label="Loading studios…" />}
      {first.state === 'failed' && <LoadFailed error={first.error} retry={first.reload} />}
      {first.state === 'ready' && (
        <div class="table-wrap">
          <table class="plan-matrix">
            <thead>
              <tr>
                <th scope="col">Studio</th>
                <th scope="col">Plan</th>
                <th scope="col">Add-ons</th>
              </tr>
            </thead>
            <tbody>
              {studios.map((s) => (
                <StudioRow key={s.studioId} studio={s} onError={setError} />
              ))}
            </tbody>
          </table>
          {next && (
            <button type="button" class="button button--secondary" onClick={more}>
              Show more studios
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function StudioRow({ studio, onError }: { studio: OperatorStudio; onError: (message: string) => void }) {
  const [saved, setSaved] = useState(studio);
  const [busy, setBusy] = useState(false);
  const save = async (plan: Plan, addOns: OperatorStudio['addOns']) => {
    setBusy(true);
    onError('');
    try {
      setSaved((await call('setStudioPlan', { params: { studioId: studio.studioId }, body: { plan, addOns } })).studio);
    } catch (e) {
      onError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const planId = `plan-${studio.studioId}`;
  return (
    <tr>
      <th scope="row">
        {saved.name}
        <span class="muted"> · {saved.slug}</span>
      </th>
      <td>
        <label class="visually-hidden" for={planId}>
          Plan of {saved.name}
        </label>
        <select
          id={planId}
          value={saved.plan}
          disabled={busy}
          onChange={(e) => save((e.currentTarget as HTMLSelectElement).value as Plan, saved.addOns)}
        >
          {PLANS.map((p) => (
            <option key={p} value={p}>
              {PLAN_NAMES[p]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {ADD_ONS.map((a) => (
          <label key={a} class="checkbox">
            <input
              type="checkbox"
              checked={saved.addOns.includes(a)}
              disabled={busy}
              onChange={(e) =>
                save(saved.plan, (e.currentTarget as HTMLInputElement).checked ? [...saved.addOns, a] : saved.addOns.filter((x) => x !== a))
              }
            />{' '}
            {ADD_ON_NAMES[a]}
          </label>
        ))}
      </td>
    </tr>
  );
}
