// What other features may use of conversations: import it from here, never from its files.
export * from './constants.ts';
export { messagesLimit, sendMessage } from './domain/messages.ts';
export { threadForClient, threadForStudio } from './domain/threads.ts';
export { keys, records } from './records.ts';
export * from './schemas.ts';
