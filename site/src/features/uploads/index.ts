// What other features may use of uploads: the gallery page's photos tab and the upload engine it owns.
export { PhotosTab } from './PhotosTab.tsx';
export { Uploader } from './uploader.ts';
