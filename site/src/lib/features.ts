// Feature flags of the web front end, decided at build time.

/** Gallery detail pages (/galleries/<galleryId>) exist: gallery cards link to them. */
export const GALLERY_PAGES = true;
