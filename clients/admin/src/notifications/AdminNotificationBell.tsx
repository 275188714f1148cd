import { Link, useLocation } from 'react-router';
import { NotificationBell, type BellNotification } from '@techally/app-kit';
import '@techally/app-kit/notification-bell.css';
import { formatDateTime } from '../ui/format';

/** A LOW_STOCK alert (or anything else about a product) opens the product's page: its stock, thresholds, adjustments. */
function linkTo(notification: BellNotification) {
  if (notification.product) {
    return <Link to={`/products/${notification.product.id}`}>Stock of {notification.product.name}</Link>;
  }
  if (notification.order) return <Link to={`/orders/${notification.order.id}`}>Order {notification.order.number}</Link>;
  return null;
}

/** The header's notification centre (app-kit's `NotificationBell`): staff hear of low stock here, live. */
export function AdminNotificationBell() {
  const { pathname } = useLocation();
  return (
    <NotificationBell
      location={pathname}
      linkTo={linkTo}
      formatTime={formatDateTime}
      emptyText="Nothing yet: low-stock alerts appear here as soon as a product falls below its threshold."
    />
  );
}
