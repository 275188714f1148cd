import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import {
  AppMarkNotificationsReadDocument,
  AppNotificationReceivedDocument,
  AppNotificationsDocument,
  AppUnreadNotificationsDocument,
  type AppNotificationFieldsFragment,
} from '../gql/graphql';

/** One notification as the panel lists it (what an app's `linkTo` is given). */
export type BellNotification = AppNotificationFieldsFragment;

const PANEL_SIZE = 20;

export interface NotificationBellProps {
  /**
   * The link a notification's entry ends with (the app's router link to its order, its product…), or null. The
   * app decides: the shop links an order to the customer's order page, the admin portal LOW_STOCK to the stock.
   */
  readonly linkTo: (notification: BellNotification) => ReactNode;
  /** How a time reads in this app. */
  readonly formatTime: (iso: string) => string;
  /** What an empty panel says (who it is for differs: a shopper's orders, staff's stock). */
  readonly emptyText: string;
  /** The app's current location: when it changes (a link in the panel followed, back), the panel closes. */
  readonly location: string;
  /** The panel's Close button in the app's own button style. */
  readonly closeClassName?: string;
}

/**
 * The header's notification centre of the signed-in user, in every app (clients/app-kit/README.md): a bell with the
 * unread count, kept live by `notificationReceived`, and a panel of the newest notifications. Opening the panel
 * marks what it shows read; the ones that were unread keep a "New" mark while it stays open. Its look is
 * `notification-bell.css`, coloured by the app through custom properties.
 */
export function NotificationBell({ location, ...panel }: NotificationBellProps) {
  const [open, setOpen] = useState(false);
  const [{ data: counted }, refreshCount] = useQuery({ query: AppUnreadNotificationsDocument, requestPolicy: 'cache-and-network' });
  const [{ data: live }] = useSubscription({ query: AppNotificationReceivedDocument });
  const [announcement, setAnnouncement] = useState('');
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const unread = counted?.me?.notifications.unreadCount ?? 0;

  // Each live notification: the count is asked again (one cheap query) and a screen reader hears its title.
  const latest = live?.notificationReceived;
  useEffect(() => {
    if (!latest) return;
    refreshCount({ requestPolicy: 'network-only' });
    setAnnouncement(`New notification: ${latest.title}`);
  }, [latest, refreshCount]);

  // A page change (a link in the panel followed) closes it.
  useEffect(() => setOpen(false), [location]);

  // Escape closes it wherever the focus is (on the bell, in the panel), and gives the focus back to the bell.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <div className="notification-centre">
      <button
        ref={button}
        type="button"
        className="notification-bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {open ? (
        <NotificationPanel
          id={panelId}
          latestId={latest?.id ?? null}
          {...panel}
          onRead={() => refreshCount({ requestPolicy: 'network-only' })}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

interface PanelProps extends Omit<NotificationBellProps, 'location'> {
  readonly id: string;
  /** The newest live notification: the list is read again when it changes. */
  readonly latestId: string | null;
  readonly onRead: () => void;
  readonly onClose: () => void;
}

function NotificationPanel({ id, latestId, linkTo, formatTime, emptyText, closeClassName, onRead, onClose }: PanelProps) {
  const [{ data, fetching, error }, refreshList] = useQuery({ query: AppNotificationsDocument, variables: { first: PANEL_SIZE }, requestPolicy: 'network-only' });
  const [, markRead] = useMutation(AppMarkNotificationsReadDocument);
  // What was unread when it was first shown keeps its mark while the panel is open.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const headingId = useId();
  const notifications = data?.me?.notifications.edges.map((edge) => edge.node) ?? [];
  const unreadIds = notifications.filter((notification) => notification.readAt === null).map((notification) => notification.id);
  const unreadKey = unreadIds.join(',');

  useEffect(() => {
    if (latestId) refreshList({ requestPolicy: 'network-only' });
  }, [latestId, refreshList]);

  // Shown is seen: what the panel lists unread is marked read, then the bell counts again.
  useEffect(() => {
    if (!unreadKey) return;
    const ids = unreadKey.split(',');
    setFresh((known) => new Set([...known, ...ids]));
    void markRead({ ids }).then(onRead);
  }, [unreadKey, markRead, onRead]);

  return (
    <section id={id} className="notification-panel" aria-labelledby={headingId}>
      <div className="notification-panel-head">
        <h2 id={headingId}>Notifications</h2>
        <button type="button" className={closeClassName ? `${closeClassName} notification-close` : 'notification-close'} onClick={onClose}>
          Close
        </button>
      </div>
      {fetching && !data ? <p>Loading…</p> : null}
      {error ? <p role="alert">Your notifications could not be loaded.</p> : null}
      {data && notifications.length === 0 ? <p>{emptyText}</p> : null}
      {notifications.length > 0 ? (
        <ol className="notification-list" aria-label="Your notifications">
          {notifications.map((notification) => (
            <li key={notification.id} className={fresh.has(notification.id) ? 'notification notification-new' : 'notification'}>
              <p className="notification-title">
                {fresh.has(notification.id) ? <span className="notification-new-mark">New</span> : null}
                {notification.title}
              </p>
              <p className="notification-body">{notification.body}</p>
              <p className="notification-meta">
                <time dateTime={notification.createdAt}>{formatTime(notification.createdAt)}</time>
                {linkTo(notification)}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}
