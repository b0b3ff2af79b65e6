// What other features may use of files: a project's Files tab, for the studio and for the portal (props: { projectId }).
export { ClientFilesTab } from './ClientFilesTab.tsx';
export { StudioFilesTab } from './StudioFilesTab.tsx';
