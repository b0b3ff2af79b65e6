// One release for the studio, /portal-manager/releases/<id>: its state, the signers and their
// times, the actions, the countersignature when it is the signed-in member's turn, and the audit trail.
import { useState } from 'preact/hooks';
import { RELEASE_KIND_NAMES } from '../../../../shared/features/releases/constants.ts';
import type { ReleaseDetail } from '../../../../shared/features/releases/schemas.ts';
import { LoadFailed } from '../../components/app/AppShell.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { BackIcon } from '../../components/ui/GalleryIcons.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { ApiError, call } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useLoad, useTitle } from '../../lib/hooks.ts';
import type { StudioMe } from '../../lib/types.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { Countersign } from './Countersign.tsx';
import { releaseIdFromPath, releaseState } from './labels.ts';
import { ReleasesShell } from './ReleasesShell.tsx';
import { SignerTable } from './SignerTable.tsx';
import { useReleaseActions } from './useReleaseActions.ts';
import { VoidDialog } from './VoidDialog.tsx';

const notFound = () => Promise.reject(new ApiError(404, { error: 'not_found', message: 'No such release.' }));

export default function ReleaseDetailPage() {
  const load = useLoad(() => {
    const id = releaseIdFromPath(location.pathname);
    return id ? Promise.all([call('getStudioMe'), call('getRelease', { params: { releaseId: id } })]) : notFound();
  });
  const me = load.state === 'ready' ? load.data[0] : undefined;
  const release = load.state === 'ready' ? load.data[1].release : undefined;
  useTitle(me && release ? `${release.title} · ${me.studio.name} · Portico` : undefined);
  const missing = load.state === 'failed' && load.error instanceof ApiError && load.error.status === 404;
  return (
    <ReleasesShell me={me} title={release?.title ?? 'Release'} section="releases">
      <a class="back-link" href="/portal-manager/releases">
        <BackIcon />
        All releases
      </a>
      {load.state === 'loading' && <Loading label="Loading the release…" />}
      {missing && (
        <div class="panel panel--center">
          <h2>Release not found</h2>
          <p class="muted">It may have been deleted.</p>
        </div>
      )}
      {load.state === 'failed' && !missing && <LoadFailed error={load.error} retry={load.reload} />}
      {me && release && <ReleaseView me={me} initial={release} />}
    </ReleasesShell>
  );
}

function ReleaseView({ me, initial }: { me: StudioMe; initial: ReleaseDetail }) {
  const a = useReleaseActions(initial);
  const r = a.release;
  const [dialog, setDialog] = useState<'void' | null>(null);
  const state = releaseState(r.state);
  const mine = r.state === 'awaiting_countersign' && r.countersigner?.userId === me.user.userId && !r.countersigner.signedAt;
  const button = (action: keyof typeof a.can, label: string, onClick: () => void, tone = 'secondary') =>
    a.can[action] && (
      <button type="button" class={`button button--${tone}`} aria-disabled={a.busy !== null || undefined} onClick={onClick}>
        {label}
      </button>
    );
  return (
    <>
      <section class="card release-summary" aria-label="Summary">
        <p class="release-summary__state">
          <Badge tone={state.tone}>{state.label}</Badge>
          <span class="muted small" data-testid="release-state">
            {RELEASE_KIND_NAMES[r.kind]} · {state.label}
          </span>
        </p>
        <dl class="release-facts">
          {r.deadline && <Fact term="Deadline" value={formatDate(r.deadline)} />}
          <Fact term="Order" value={r.order === 'parallel' ? 'All at once' : 'In order'} />
          <Fact term="Reminders" value={r.remindEveryDays ? `Every ${r.remindEveryDays} days` : 'None'} />
          {r.gallery && (
            <Fact term="Gallery" value={`${r.gallery.title}${r.requiredForDownloads ? ' (downloads wait for the signatures)' : ''}`} />
          )}
          {r.project && <Fact term="Project" value={r.project.title} />}
          {r.countersigner && (
            <Fact
              term="Countersigner"
              value={`${r.countersigner.name}${r.countersigner.signedAt ? ` (signed ${formatDate(r.countersigner.signedAt)})` : ''}`}
            />
          )}
          {r.voidReason && <Fact term="Void reason" value={r.voidReason} />}
          <Fact term="Document SHA-256" value={r.document.hash} code />
          {r.sealed && <Fact term="Seal" value={`${r.sealed.sealId} · ${formatDate(r.sealed.sealedAt)}`} code />}
        </dl>
        <div class="release-actions">
          {button('send', 'Send', () => void a.send(), 'primary')}
          {button('remind', 'Remind', () => void a.remind())}
          {button('sealed', 'Download sealed PDF', () => void a.download('sealed'), 'primary')}
          {button('bundle', 'Download dispute bundle', () => void a.download('bundle'))}
          <a class="button button--ghost" href={r.document.url}>
            Open the document
          </a>
          {button('void', 'Void', () => setDialog('void'), 'danger')}
        </div>
        <Notice role="status">{a.status}</Notice>
        <Notice role="alert">{a.error}</Notice>
      </section>
      {mine && <Countersign release={r} name={me.user.name} onDone={a.setRelease} />}
      <SignerTable release={r} canResend={a.can.resend} busy={a.busy !== null} onResend={(s) => void a.resend(s.signerId, s.name)} />
      <AuditTrail release={r} />
      {dialog === 'void' && (
        <VoidDialog
          onClose={() => setDialog(null)}
          onVoid={async (reason) => {
            await a.voidIt(reason);
            setDialog(null);
          }}
        />
      )}
    </>
  );
}

function Fact({ term, value, code }: { term: string; value: string; code?: boolean }) {
  return (
    <div class="release-facts__row">
      <dt>{term}</dt>
      <dd>{code ? <code class="release-hash">{value}</code> : value}</dd>
    </div>
  );
}
