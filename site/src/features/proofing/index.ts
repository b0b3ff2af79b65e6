// What other features may use of proofing: the studio's view of confirmed selections.
export { SubmissionsTab } from './SubmissionsTab.tsx';
