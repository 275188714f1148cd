import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import type { StorefrontNotificationPreferencesFieldsFragment } from '../gql/graphql';
import { currentPushSubscription, notificationPermission, PushProblem, pushSupported, subscribeToPush, unsubscribeFromPush } from './browser-push';
import { FormAlert, Status } from './form-fields';
import { StorefrontRegisterPushSubscriptionMutation, StorefrontUnregisterPushSubscriptionMutation } from './notification-settings-operations';

type Preferences = StorefrontNotificationPreferencesFieldsFragment;

/** Where this browser stands: checking, subscribed (with its endpoint), or not. */
type BrowserState = { readonly kind: 'checking' } | { readonly kind: 'subscribed'; readonly endpoint: string } | { readonly kind: 'off' };

/**
 * "Browser notifications": subscribes this browser to push (service worker, permission, Push API with the shop's
 * VAPID key) and tells the server (`registerPushSubscription`), or undoes it (`unregisterPushSubscription`). A
 * browser without the Push API, a shop without push, and a refused permission are each said plainly.
 */
export function PushSettings({ publicKey, registered, onChange }: { publicKey: string | null; registered: number; onChange: (preferences: Preferences) => void }) {
  const supported = pushSupported();
  const [browser, setBrowser] = useState<BrowserState>({ kind: supported ? 'checking' : 'off' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [, register] = useMutation(StorefrontRegisterPushSubscriptionMutation);
  const [, unregister] = useMutation(StorefrontUnregisterPushSubscriptionMutation);

  useEffect(() => {
    if (!supported) return;
    let current = true;
    currentPushSubscription().then(
      (subscription) => current && setBrowser(subscription ? { kind: 'subscribed', endpoint: subscription.endpoint } : { kind: 'off' }),
      () => current && setBrowser({ kind: 'off' }),
    );
    return () => {
      current = false;
    };
  }, [supported]);

  async function enable(key: string) {
    setBusy(true);
    setProblem(undefined);
    setStatus('');
    try {
      const subscription = await subscribeToPush(key);
      const result = await register({ subscription });
      if (!result.data) {
        // The server refused it: leave nothing subscribed that it does not know of.
        await unsubscribeFromPush().catch(() => null);
        throw new PushProblem(`The shop did not take this browser’s subscription: ${graphErrorOf(result.error).message}`);
      }
      onChange(result.data.registerPushSubscription);
      setBrowser({ kind: 'subscribed', endpoint: subscription.endpoint });
      setStatus('This browser now receives push notifications. Tick Push above for what you want to hear about.');
    } catch (error) {
      setProblem(error instanceof PushProblem ? error.message : 'Browser notifications could not be switched on.');
    } finally {
      setBusy(false);
    }
  }

  async function disable(endpoint: string) {
    setBusy(true);
    setProblem(undefined);
    setStatus('');
    try {
      await unsubscribeFromPush().catch(() => null);
      const result = await unregister({ endpoint });
      if (!result.data) throw new PushProblem(`The shop could not forget this browser: ${graphErrorOf(result.error).message}`);
      onChange(result.data.unregisterPushSubscription);
      setBrowser({ kind: 'off' });
      setStatus('This browser no longer receives push notifications.');
    } catch (error) {
      setProblem(error instanceof PushProblem ? error.message : 'Browser notifications could not be switched off.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-push" className="account-subsection">
      <h3 id="account-push">Browser notifications</h3>
      <p className="account-hint">
        Push notifications reach this browser even when the shop is closed.{' '}
        {registered === 1 ? 'One browser is registered for you.' : `${registered === 0 ? 'No' : registered} browsers are registered for you.`}
      </p>
      <FormAlert>{problem}</FormAlert>
      {!supported ? (
        <p className="account-status">This browser cannot show push notifications; you still get email and the notifications under the bell.</p>
      ) : publicKey === null ? (
        <p className="account-status">This shop does not send push notifications at the moment.</p>
      ) : browser.kind === 'subscribed' ? (
        <div className="account-actions">
          <p className="account-status">This browser receives push notifications.</p>
          <button type="button" className="account-secondary" disabled={busy} onClick={() => void disable(browser.endpoint)}>
            {busy ? 'Switching off…' : 'Disable browser notifications'}
          </button>
        </div>
      ) : (
        <div className="account-actions">
          <button type="button" disabled={busy || browser.kind === 'checking'} onClick={() => void enable(publicKey)}>
            {busy ? 'Switching on…' : 'Enable browser notifications'}
          </button>
          {notificationPermission() === 'denied' && !problem ? (
            <p className="account-hint">Notifications are blocked for this shop in your browser’s site settings.</p>
          ) : null}
        </div>
      )}
      {status ? <Status>{status}</Status> : null}
    </section>
  );
}
