// What other features may use of the portal home: its parts, for the Portal Manager's preview.
export { Galleries, Hero } from './PortalHome.tsx';
