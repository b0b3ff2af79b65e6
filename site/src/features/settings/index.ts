export { SettingsShell } from './SettingsShell.tsx';
export { SECTIONS, type SettingsSection, sectionsFor } from './sections.ts';
