// How the review pages word a deliverable: its state as a badge, a pin as a place ("Page 2",
// "0:12"), a version as a side of the compare ("Version 1 — changes requested").
import { DELIVERABLE_STATE_LABELS, type DeliverableState } from '../../../../shared/features/deliverables/constants.ts';
import type { BadgeTone } from '../../components/ui/Badge.tsx';
import type { Pin, Version } from './api.ts';

export const STATE_TONE: Record<DeliverableState, BadgeTone> = {
  draft: 'neutral',
  in_review: 'info',
  changes_requested: 'warning',
  approved_with_changes: 'success',
  approved: 'success',
};

export const stateLabel = (state: DeliverableState) => DELIVERABLE_STATE_LABELS[state];

/** Seconds as a player shows them: "0:12", "1:05:09". */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Where a comment is pinned, in a few words; '' for a general comment. */
export function pinLabel(pin: Pin | null | undefined): string {
  if (!pin) return '';
  if (pin.kind === 'time') return pin.end !== undefined ? `${formatTime(pin.start)}–${formatTime(pin.end)}` : formatTime(pin.start);
  return pin.page ? `Page ${pin.page}` : 'On the image';
}

const RESULT_WORDS = {
  approved: 'approved',
  approved_with_changes: 'approved with changes',
  changes_requested: 'changes requested',
  superseded: 'replaced',
} as const;

/** "changes requested", "in review", "draft": where one version's round stands. */
export const versionState = (v: Version): string => (v.result ? RESULT_WORDS[v.result] : v.sentAt ? 'in review' : 'draft');

/** "Version 2 — in review". */
export const versionLabel = (v: Version): string => `Version ${v.version} — ${versionState(v)}`;
