// What other site features may use of auth: import it from here, never from its files.
export { PasswordToggle } from './PasswordToggle.tsx';
export { takeToken } from './PortalAuth.tsx';
