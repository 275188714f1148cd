/**
 * This browser's side of push notifications (README.md, *Notification settings*): the service worker
 * (`public/push-sw.js`, served by the gateway at `/push-sw.js`), the permission, and the Push API subscription
 * the server is given. Every step can fail in ways a shopper should be told plainly, so each failure is a
 * {@link PushProblem} with a message written for them.
 */

/** The service worker the build serves from `public/`; its scope is the whole shop. */
export const PUSH_SERVICE_WORKER = '/push-sw.js';

/** How long the browser's push service may take to subscribe (an offline or blocked one may never answer). */
const SUBSCRIBE_TIMEOUT_MS = 20_000;

/** A reason push cannot be switched on here, in words for the shopper. */
export class PushProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PushProblem';
  }
}

/** Whether this browser has what push needs: a service worker, the Push API and notifications (a secure page). */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The permission as it stands: `granted`, `denied` (blocked in the browser's settings) or `default` (not asked). */
export function notificationPermission(): NotificationPermission {
  return 'Notification' in window ? Notification.permission : 'denied';
}

/** This browser's current subscription, if it has one (without registering anything). */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** What `registerPushSubscription` takes: the subscription's endpoint and keys, as `toJSON()` gives them. */
export interface PushSubscriptionJson {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/**
 * Registers the service worker, asks for permission (the browser's own prompt: call from a click), and subscribes
 * with the shop's VAPID public key. Returns what the server is to be given.
 */
export async function subscribeToPush(publicKey: string): Promise<PushSubscriptionJson> {
  if (!pushSupported()) throw new PushProblem('This browser cannot show push notifications.');
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(PUSH_SERVICE_WORKER, { scope: '/' });
  } catch {
    throw new PushProblem('This browser did not let the shop install its notification helper (a private window may not allow it).');
  }
  const permission = await Notification.requestPermission();
  if (permission === 'denied') {
    throw new PushProblem('Notifications are blocked for this shop in your browser. Allow them in the site settings (the icon beside the address), then try again.');
  }
  if (permission !== 'granted') throw new PushProblem('Notifications were not allowed, so nothing changed. Try again and choose Allow.');
  await navigator.serviceWorker.ready;
  let subscription: PushSubscription;
  try {
    subscription = await withTimeout(
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }),
      SUBSCRIBE_TIMEOUT_MS,
    );
  } catch (error) {
    // Chromium says "Registration failed - permission denied" (AbortError) where it has no push service at all.
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new PushProblem(
      `This browser could not subscribe to push notifications${why}. A private window or a browser without a push service cannot; otherwise check your connection and try again.`,
    );
  }
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.['p256dh'] || !json.keys['auth']) throw new PushProblem('Your browser gave an incomplete push subscription.');
  return { endpoint: json.endpoint, keys: { p256dh: json.keys['p256dh'], auth: json.keys['auth'] } };
}

/** Ends this browser's subscription; returns its endpoint (for `unregisterPushSubscription`), or null if it had none. */
export async function unsubscribeFromPush(): Promise<string | null> {
  const subscription = await currentPushSubscription();
  if (!subscription) return null;
  await subscription.unsubscribe();
  return subscription.endpoint;
}

/** The VAPID key as the Push API takes it (`applicationServerKey`): bytes from base64url. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
