import { Link, useLocation } from 'react-router';
import { NotificationBell, type BellNotification } from '@techally/app-kit';
import '@techally/app-kit/notification-bell.css';
import { formatDateTime } from '../account/order-status';
import './notifications.css';

/** A shopper's notification links to its order, or (a moderated review) to the product's page. */
function linkTo(notification: BellNotification) {
  if (notification.order) return <Link to={`/orders/${notification.order.id}`}>Order {notification.order.number}</Link>;
  if (notification.product) return <Link to={`/product/${notification.product.slug}`}>{notification.product.name}</Link>;
  return null;
}

/** The header's notification centre (app-kit's `NotificationBell`) in the shop's words and colours. */
export function ShopNotificationBell() {
  const { pathname } = useLocation();
  return (
    <NotificationBell
      location={pathname}
      linkTo={linkTo}
      formatTime={formatDateTime}
      emptyText="Nothing yet: we will tell you here when your orders move on."
      closeClassName="button button-quiet"
    />
  );
}
