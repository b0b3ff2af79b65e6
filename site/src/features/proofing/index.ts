// What other features may use of proofing: the studio's view of confirmed selections, and the
// proofing page's body for the Portal Manager's read-only preview.

export { CommentsTab } from './CommentsTab.tsx';
export { Proofing } from './ProofingPage.tsx';
export { SubmissionsTab } from './SubmissionsTab.tsx';
export type { ProofingData, ProofingMode } from './useProofing.ts';
