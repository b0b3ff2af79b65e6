// What other features may use of uploads: the gallery page's photos tab, its upload engine, and one file's transfer with a ticket.
export { PhotosTab } from './PhotosTab.tsx';
export { type Sent, sendWithTicket, type Ticket } from './transfer.ts';
export { Uploader } from './uploader.ts';
