// What other features may use of downloads: the ZIP of a gallery, offered on the proofing page.
export { ZipDownload } from './ZipDownload.tsx';
