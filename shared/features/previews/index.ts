// What other features may use of previews: import it from here, never from its files.
export * from './constants.ts';
export { makePreview, type PreviewInput, pageFileName } from './domain/make-preview.ts';
export { previewKindOf } from './domain/rules.ts';
export * from './schemas.ts';

/**
 * What an object event that calls makePreview needs (spread into its shared/events.ts entry, with
 * its own id, feature, prefix, summary and grants: `bucket:write` at least).
 * - 2048 MB: a PDF up to PDF_MAX_BYTES sits in memory twice (the download and PDFium's copy), plus
 *   one rendered page (10 MB) and sharp's buffers; a 300-page PDF renders in well under the timeout.
 *   Lambda gives 2048 MB about 1.2 vCPU.
 * - sharp is native (installed for linux-arm64 beside the bundle); PDFium is WebAssembly: its
 *   pdfium.wasm (4 MB) is copied to the bundle's root, where shared/features/previews/domain/pdf.ts
 *   looks for it first.
 */
export const PREVIEW_EVENT_SETTINGS = {
  memorySize: 2048,
  timeoutSeconds: 600,
  nativeModules: ['sharp'],
  assets: ['node_modules/@hyzyla/pdfium/dist/pdfium.wasm'],
} as const satisfies { memorySize: number; timeoutSeconds: number; nativeModules: readonly string[]; assets: readonly string[] };
