// What other features may use of galleries: the portal home's parts, for the Portal Manager's preview.
export { type GalleryHref, GalleryList } from './GalleryList.tsx';
export { Galleries, Hero } from './PortalHome.tsx';
