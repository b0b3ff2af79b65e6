// What other features may use of the Portal Manager: its section navigation.
export { PortalManagerNav, type PortalManagerSection } from './PortalManagerNav.tsx';
