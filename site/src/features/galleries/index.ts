// What other features may use of galleries: the client's gallery list (cards or a table).
export { type GalleryHref, GalleryList } from './GalleryList.tsx';
