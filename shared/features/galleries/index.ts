// What other features may use of galleries: import it from here, never from its files.
export * from './constants.ts';
// The reads and writes of galleries' records that other features make (uploads, proofing, share links).
export { batchGetSelections, getGallery, getImage, imagePut, markImageFailed, putImage, uncountPickWrite } from './data.ts';
export * from './domain/galleries.ts';
export * from './domain/gallery-contents.ts';
export * from './domain/images.ts';
export * from './domain/rules.ts';
export * from './domain/studio-galleries.ts';
export * from './records.ts';
export * from './schemas.ts';
