// The starter templates that ship with Portico: a model release and a services contract, in the
// template markup (pdf/template.ts). Read-only: a studio copies one to change it. Plain wording,
// written for Portico; a studio should have its own lawyer look over what it sends.
import type { TemplateRecord } from '../records.ts';

const MODEL_RELEASE = `# Model release

This release is between **{{studio.name}}** (the photographer) and **{{client.name}}** (the model), for the photographs and video taken on {{shoot.date}} for {{project.title}}.

## What the model grants
- The photographer may use, publish and license the images, in whole or in part, in any medium, for portfolio, editorial and commercial purposes, worldwide and without time limit.
- The images may be retouched, cropped and combined with other material, provided the model is not shown in a way a reasonable person would find offensive.
- The model will not be named without their agreement, except in a credit the model asks for.

## What the model receives
{{custom.compensation}}

## The model confirms
- They are at least 18 years old, or a parent or guardian signs below for them.
- They have read this release before signing it, and sign it freely.

*The photographer keeps the copyright in the images.*

[[sign:1]]
[[date:1]]

[[sign:studio]]
[[date:studio]]
`;

const CONTRACT = `# Agreement for creative services

This agreement is between **{{studio.name}}** (the studio) and **{{client.name}}** (the client) for {{project.title}}, starting {{shoot.date}}.

## 1. Scope
{{custom.scope}}

## 2. Fees and payment
1. The fee is {{custom.fee}}.
2. Invoices are due within 14 days. Work may pause while an invoice is overdue.
3. Extra work outside the scope is quoted and agreed in writing before it starts.

## 3. Reviews and approval
- The client reviews each deliverable in the portal and approves it or asks for changes.
- Two rounds of changes per deliverable are included; further rounds are billed at the studio's day rate.
- An approved deliverable is final.

## 4. Rights
The client receives the rights to use the final approved deliverables for the purposes in the scope once the fee is paid in full. The studio may show the work in its portfolio unless the client asks otherwise in writing.

## 5. Cancellation
Either party may end this agreement by writing to the other. Work done until then is paid.

[[initials:1]]

[[sign:1]]
[[date:1]]

[[sign:studio]]
[[date:studio]]
`;

const SHIPPED_AT = '2026-12-01T00:00:00.000Z';

/** The starters, as templates of no studio (each studio sees them first in its list). */
export const STARTERS: readonly Omit<TemplateRecord, 'studioId'>[] = [
  {
    templateId: 'starter-model-release',
    name: 'Model release (starter)',
    kind: 'release',
    format: 'text',
    source: MODEL_RELEASE,
    pdfUploaded: false,
    createdAt: SHIPPED_AT,
    updatedAt: SHIPPED_AT,
  },
  {
    templateId: 'starter-services-contract',
    name: 'Creative services contract (starter)',
    kind: 'contract',
    format: 'text',
    source: CONTRACT,
    pdfUploaded: false,
    createdAt: SHIPPED_AT,
    updatedAt: SHIPPED_AT,
  },
];

export const starterOf = (templateId: string) => STARTERS.find((t) => t.templateId === templateId);
