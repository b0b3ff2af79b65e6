import { ADD_ON_NAMES, ENTITLEMENTS, MATRIX, PLAN_NAMES, PLANS } from '../../../../shared/features/plans/constants.ts';
import { call } from '../../lib/api.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { SettingsShell } from '../settings/index.ts';
import { OperatorPlans } from './OperatorPlans.tsx';

/** Settings → Plan: the studio's plan and add-ons, and what each plan includes. */
export default function PlanPage() {
  const me = useLoad(() => call('getStudioMe'));
  useTitle(me.state === 'ready' ? `Plan · ${me.data.studio.name} · Portico` : undefined);
  return (
    <SettingsShell current="plan" me={me}>
      {(data) => (
        <>
          <PlanDetails me={data} />
          {data.operator && <OperatorPlans />}
        </>
      )}
    </SettingsShell>
  );
}

function PlanDetails({ me }: { me: StudioMe }) {
  const { plan, addOns } = me.plan;
  return (
    <section class="card" aria-labelledby="plan-heading">
      <div class="card__head">
        <h2 id="plan-heading">
          Your plan: <span data-testid="current-plan">{PLAN_NAMES[plan]}</span>
        </h2>
        <p class="muted">
          {addOns.length ? `Add-ons: ${addOns.map((a) => ADD_ON_NAMES[a]).join(', ')}. ` : 'No add-ons. '}
          Your Portico operator sets the plan. Moving to a smaller plan deletes nothing: what it lacks turns read-only and stays exportable.
        </p>
      </div>
      <div class="card__body table-wrap">
        <table class="plan-matrix">
          <caption class="visually-hidden">What each plan includes</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              {PLANS.map((p) => (
                <th
                  key={p}
                  scope="col"
                  aria-current={p === plan ? 'true' : undefined}
                  class={p === plan ? 'plan-matrix__current' : undefined}
                >
                  {PLAN_NAMES[p]}
                  {p === plan && <span class="visually-hidden"> (your plan)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ENTITLEMENTS.map((e) => {
              const info = MATRIX[e];
              return (
                <tr key={e}>
                  <th scope="row">
                    {info.label}
                    {info.addOn && <span class="muted"> ({ADD_ON_NAMES[info.addOn]} add-on)</span>}
                  </th>
                  {PLANS.map((p) => (
                    <td key={p} class={p === plan ? 'plan-matrix__current' : undefined}>
                      <Shown text={info.byPlan[p].shown} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="muted">
          Partial branding: your portal name, logo, accent colour and support email, with a “Powered by Portico” footer. Full branding adds
          your welcome message and removes the footer from the portal and its emails.
        </p>
      </div>
    </section>
  );
}

/** A cell of the matrix: ✓ and – read out as words. */
function Shown({ text }: { text: string }) {
  if (text === '✓' || text === '–')
    return (
      <>
        <span aria-hidden="true">{text}</span>
        <span class="visually-hidden">{text === '✓' ? 'Included' : 'Not included'}</span>
      </>
    );
  return <>{text}</>;
}
