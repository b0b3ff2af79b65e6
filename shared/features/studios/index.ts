// What other features may use of studios: import it from here, never from its files.
export * from './constants.ts';
export { endStudioUserSessions, getStudio, getStudioUser, isSlugTaken, listStudioUsers, markStudioEmailVerified } from './data.ts';
export * from './domain/studios.ts';
export * from './records.ts';
export * from './schemas.ts';
