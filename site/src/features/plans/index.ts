export { entitled, UpgradeHint } from './UpgradeHint.tsx';
