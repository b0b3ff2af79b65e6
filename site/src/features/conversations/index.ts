// What other features may use of conversations: a thread (props: { side, threadId }).
export { ThreadView } from './ThreadView.tsx';
