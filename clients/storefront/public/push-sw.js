/* The storefront's push service worker (clients/storefront/README.md, *Notification settings*), served by the
   gateway at /push-sw.js with the app's files. It shows each push the notifications subgraph sends — a JSON
   payload { title, body, url?, tag? } (subgraphs/notifications, *Templates*) — and opens its page on a click.
   Plain JavaScript: a service worker is not bundled by Vite, and must stay at the root for its scope to be `/`. */
/* global self, clients */

self.addEventListener('install', () => {
  // A new version takes over at once: this worker keeps no cache that an older page might depend on.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(clients.claim());
});

function payloadOf(data) {
  if (!data) return {};
  try {
    const parsed = data.json();
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return { body: data.text() };
  }
}

self.addEventListener('push', (event) => {
  const payload = payloadOf(event.data);
  const title = typeof payload.title === 'string' && payload.title ? payload.title : 'TechAlly';
  const options = {
    body: typeof payload.body === 'string' ? payload.body : '',
    data: { url: typeof payload.url === 'string' ? payload.url : '/' },
    lang: 'en',
  };
  // A later push about the same order or product replaces this one instead of stacking.
  if (typeof payload.tag === 'string' && payload.tag) {
    options.tag = payload.tag;
    options.renotify = true;
  }
  event.waitUntil(self.registration.showNotification(title, options));
});

/** The page a notification opens: one of this shop's own, never another site (a payload is data, not a link). */
function pageOf(notification) {
  const url = new URL((notification.data && notification.data.url) || '/', self.location.origin);
  return url.origin === self.location.origin ? url.href : self.location.origin + '/';
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = pageOf(event.notification);
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((window) => window.url === target);
      return open ? open.focus() : clients.openWindow(target);
    }),
  );
});
