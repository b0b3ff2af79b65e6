// What other site features may use of releases: the portal home's section.
export { WaitingReleases } from './WaitingReleases.tsx';
