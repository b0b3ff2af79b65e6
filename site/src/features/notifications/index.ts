// What other site code may use of notifications.
export { NotificationBell } from './Bell.tsx';
