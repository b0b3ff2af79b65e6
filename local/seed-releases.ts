// Demo releases, made through the same domain code the API uses: Northlight's model-release
// template and a release Ava signed (sealed, so the verify page knows it), attached to her gallery
// whose downloads it held back; Fieldwork's services contract, signed by Jordan and waiting for
// Tess's countersignature.
import type { Client } from '../shared/features/clients/index.ts';
import { CONSENT } from '../shared/features/releases/constants.ts';
import { createRelease } from '../shared/features/releases/domain/create.ts';
import { sendRelease } from '../shared/features/releases/domain/send.ts';
import { clientContext, recordStep, signRelease } from '../shared/features/releases/domain/sign.ts';
import { STARTERS } from '../shared/features/releases/domain/starters.ts';
import { createTemplate } from '../shared/features/releases/domain/templates.ts';
import type { Presence } from '../shared/features/releases/records.ts';
import type { SignatureInput } from '../shared/features/releases/schemas.ts';
import type { Studio, StudioUser } from '../shared/features/studios/index.ts';

const studioDesk: Presence = { auth: 'studio_session', ip: '127.0.0.1', userAgent: 'Portico demo seed' };
const portalPhone: Presence = {
  auth: 'portal_session',
  ip: '127.0.0.1',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
};

/** A signature drawn on the pad: a looping stroke and an underline. */
const drawnSignature: SignatureInput = {
  kind: 'drawn',
  strokes: [
    {
      points: [
        [40, 140],
        [70, 60],
        [100, 150],
        [130, 70],
        [170, 140],
        [210, 90],
        [250, 120],
        [300, 80],
        [360, 110],
      ],
    },
    {
      points: [
        [60, 170],
        [420, 165],
      ],
    },
  ],
};

async function signAs(
  studio: Studio,
  client: Client,
  releaseId: string,
  signature: SignatureInput,
  initials?: SignatureInput,
): Promise<void> {
  const ctx = await clientContext(studio, client, releaseId, portalPhone);
  const { release } = await recordStep(ctx, { step: 'consent_accepted', consentVersion: CONSENT.version });
  await recordStep(ctx, { step: 'viewed', documentHash: release.document.hash });
  await signRelease(ctx, { documentHash: release.document.hash, signature, initials });
}

export async function seedPhotographerRelease(
  studio: Studio,
  owner: StudioUser,
  ava: Client,
  ctx: { projectId: string; galleryId: string; shootDate: string },
): Promise<void> {
  const starter = STARTERS.find((t) => t.templateId === 'starter-model-release');
  const template = await createTemplate(studio, {
    format: 'text',
    name: 'Northlight model release',
    kind: 'release',
    source: starter?.source ?? '',
  });
  const draft = await createRelease(
    studio,
    owner,
    {
      templateId: template.templateId,
      title: 'Model release — wedding day',
      signers: [{ clientId: ava.clientId }],
      order: 'parallel',
      remindEveryDays: 3,
      galleryId: ctx.galleryId,
      projectId: ctx.projectId,
      requiredForDownloads: true,
      shootDate: ctx.shootDate,
      fields: { 'custom.compensation': 'A printed album of twenty photographs, delivered with the gallery.' },
      send: true,
    },
    studioDesk,
  );
  await sendRelease(studio, owner, draft.releaseId, studioDesk);
  await signAs(studio, ava, draft.releaseId, drawnSignature);
}

export async function seedAgencyContract(studio: Studio, owner: StudioUser, jordan: Client, projectId: string): Promise<void> {
  const draft = await createRelease(
    studio,
    owner,
    {
      templateId: 'starter-services-contract',
      title: 'Statement of work — Harbor & Pine rebrand',
      signers: [{ clientId: jordan.clientId }],
      order: 'parallel',
      countersignerId: owner.userId,
      remindEveryDays: 0,
      projectId,
      requiredForDownloads: false,
      shootDate: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10),
      fields: {
        'custom.scope': 'Logo, colour and type, packaging for three product lines, and a 30-second launch film.',
        'custom.fee': 'EUR 24,000, half on signing and half on hand-over',
      },
      send: true,
    },
    studioDesk,
  );
  await sendRelease(studio, owner, draft.releaseId, studioDesk);
  const initials = jordan.name
    .split(' ')
    .map((w) => w[0])
    .join('');
  await signAs(studio, jordan, draft.releaseId, { kind: 'typed', text: jordan.name }, { kind: 'typed', text: initials });
}
