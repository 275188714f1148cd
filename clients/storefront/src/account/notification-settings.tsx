import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import type { NotificationCategory, StorefrontNotificationPreferencesFieldsFragment } from '../gql/graphql';
import { formErrorsOf, useFocusOnFirstInvalid } from './field-errors';
import { FormAlert, Status, TextField } from './form-fields';
import { StorefrontNotificationSettingsQuery, StorefrontUpdateNotificationPreferencesMutation } from './notification-settings-operations';
import { PushSettings } from './push-settings';

type Preferences = StorefrontNotificationPreferencesFieldsFragment;
type CategoryPreference = Preferences['categories'][number];
type Channel = 'email' | 'sms' | 'push';

const CHANNELS: ReadonlyArray<readonly [Channel, string]> = [
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['push', 'Push'],
];

/** How each category is named and explained; a category this build does not know yet is shown by its code. */
const CATEGORIES: Readonly<Record<NotificationCategory, { readonly title: string; readonly about: string }>> = {
  ORDER_UPDATES: { title: 'Order updates', about: 'Receipts, payments, cancellations, shipping and refunds.' },
  REVIEWS: { title: 'Reviews', about: 'A moderator hid or restored one of your reviews.' },
  STOCK_ALERTS: { title: 'Stock alerts', about: 'A product fell below its low-stock threshold (staff only).' },
  MARKETING: { title: 'Marketing', about: 'Recommendations and offers. Off unless you opt in.' },
};

/**
 * "Notification settings" on the account page (README.md): per category, email, SMS and push, each saved as soon
 * as it is changed; the order updates' email shown locked with the server's reason; the SMS number; and this
 * browser's push subscription. In-app notifications (the bell) always appear and have no switch.
 */
export function NotificationSettings() {
  const [{ data, error, fetching }] = useQuery({ query: StorefrontNotificationSettingsQuery });
  const [, update] = useMutation(StorefrontUpdateNotificationPreferencesMutation);
  // What the last change stored (the mutation answers with every preference), over what was loaded.
  const [stored, setStored] = useState<Preferences | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  // A switch shows its new position while it is saved; it returns to the stored one if the change was refused.
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [numberError, setNumberError] = useState<string | undefined>();
  const numberForm = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(numberForm, numberError);

  const preferences = stored ?? data?.me?.notificationPreferences ?? null;

  async function save(input: Parameters<typeof update>[0]['input'], what: string, key: string): Promise<boolean> {
    setSaving(key);
    setStatus('');
    setProblem(undefined);
    const result = await update({ input });
    setSaving(null);
    if (result.data) {
      setStored(result.data.updateNotificationPreferences);
      setNumberError(undefined);
      setStatus(`${what}: saved.`);
      return true;
    }
    const errors = formErrorsOf(graphErrorOf(result.error), ['smsNumber'] as const);
    if (errors.fields.smsNumber) setNumberError(errors.fields.smsNumber);
    else setProblem(`${what} was not saved: ${errors.form}`);
    return false;
  }

  async function toggle(preference: CategoryPreference, channel: Channel, on: boolean) {
    const what = `${CATEGORIES[preference.category]?.title ?? preference.category} by ${channel === 'sms' ? 'SMS' : channel}`;
    const key = `${preference.category}.${channel}`;
    setPending((current) => ({ ...current, [key]: on }));
    await save({ categories: [{ category: preference.category, [channel]: on }] }, what, key);
    setPending(({ [key]: _done, ...rest }) => rest);
  }

  async function saveNumber(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('smsNumber') ?? '').trim();
    await save({ smsNumber: typed === '' ? null : typed }, 'Your SMS number', 'smsNumber');
  }

  return (
    <section aria-labelledby="account-notification-settings" className="account-section">
      <h2 id="account-notification-settings">Notification settings</h2>
      <p className="account-hint">Notifications always appear under the bell at the top of the page. Choose what else reaches you, and where.</p>
      {error ? <FormAlert>Your notification settings could not be loaded: {graphErrorOf(error).message}</FormAlert> : null}
      {fetching && !preferences ? <Status>Loading your notification settings…</Status> : null}
      {preferences ? (
        <>
          <FormAlert>{problem}</FormAlert>
          <div className="account-notification-categories">
            {preferences.categories.map((preference) => (
              <CategoryChoice key={preference.category} preference={preference} pending={pending} onToggle={(...args) => void toggle(...args)} />
            ))}
          </div>
          {status ? <Status>{status}</Status> : null}
          <form ref={numberForm} onSubmit={(event) => void saveNumber(event)} noValidate aria-label="SMS number" className="account-form">
            <TextField
              key={preferences.smsNumber ?? ''}
              label="Mobile number for SMS"
              name="smsNumber"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              defaultValue={preferences.smsNumber ?? ''}
              hint="In international format, such as +44 7700 900123. Leave it empty to stop all SMS."
              error={numberError}
            />
            <div className="account-actions">
              <button type="submit" disabled={saving === 'smsNumber'}>
                {saving === 'smsNumber' ? 'Saving…' : 'Save number'}
              </button>
            </div>
          </form>
          <PushSettings publicKey={data?.pushPublicKey ?? null} registered={preferences.pushSubscriptions} onChange={setStored} />
        </>
      ) : null}
    </section>
  );
}

function CategoryChoice({
  preference,
  pending,
  onToggle,
}: {
  preference: CategoryPreference;
  pending: Readonly<Record<string, boolean>>;
  onToggle: (preference: CategoryPreference, channel: Channel, on: boolean) => void;
}) {
  const id = useId();
  const about = CATEGORIES[preference.category];
  const lockedId = `${id}-locked`;
  return (
    <fieldset className="account-notification-category" aria-describedby={`${id}-about`}>
      <legend>{about?.title ?? preference.category}</legend>
      <p id={`${id}-about`} className="account-hint">
        {about?.about}
      </p>
      <div className="account-notification-channels">
        {CHANNELS.map(([channel, label]) => {
          const locked = channel === 'email' && preference.emailLocked;
          return (
            <label key={channel} className="account-check">
              <input
                type="checkbox"
                checked={pending[`${preference.category}.${channel}`] ?? preference[channel]}
                // Locked, not disabled: it stays focusable, so a screen reader reaches it and reads why.
                aria-disabled={locked || undefined}
                aria-describedby={locked ? lockedId : undefined}
                onChange={(event) => {
                  if (!locked) onToggle(preference, channel, event.target.checked);
                }}
              />
              {label}
              {locked ? <span className="account-optional"> (always on)</span> : null}
            </label>
          );
        })}
      </div>
      {preference.emailLocked && preference.lockedReason ? (
        <p id={lockedId} className="account-hint account-locked">
          {preference.lockedReason}
        </p>
      ) : null}
    </fieldset>
  );
}
