// What other features may use of branding: import it from here, never from its files.
export * from './constants.ts';
export { branding, letterBrand } from './domain/view.ts';
export * from './schemas.ts';
