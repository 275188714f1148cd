export { Session, type SessionState, type SessionStorage, type SessionResult } from './session';
export { createGraphClient, webSocketUrlOf, type GraphClient, type GraphClientOptions } from './graph-client';
export { graphErrorOf, type GraphError } from './graph-error';
export { GraphProvider, useSession } from './react';
export { useDebouncedValue } from './use-debounced-value';
export { NotificationBell, type BellNotification, type NotificationBellProps } from './notifications/NotificationBell';
