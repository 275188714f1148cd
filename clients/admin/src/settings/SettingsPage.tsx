import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Field, FormError } from '../ui/Field';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import type { AdminNotificationPreferencesFieldsFragment } from '../gql/graphql';
import { AdminNotificationSettingsQuery, AdminUpdateNotificationPreferencesMutation } from './settings.operations';

type Preferences = AdminNotificationPreferencesFieldsFragment;
type Channel = 'email' | 'sms' | 'push';

const CHANNELS: ReadonlyArray<readonly [Channel, string]> = [
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['push', 'Push'],
];

/**
 * The signed-in member of staff's own notification settings for STOCK_ALERTS (issue #14): email, SMS and push,
 * each saved as soon as it is changed, and the number SMS go to. Low-stock alerts always appear under the bell.
 */
export function SettingsPage() {
  const [{ data, error, fetching }] = useQuery({ query: AdminNotificationSettingsQuery });
  const [, update] = useMutation(AdminUpdateNotificationPreferencesMutation);
  // What the last change stored (the mutation answers with every preference), over what was loaded.
  const [stored, setStored] = useState<Preferences | null>(null);
  // A switch shows its new position while it is saved, and goes back to the stored one if refused.
  const [pending, setPending] = useState<Partial<Record<Channel, boolean>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const preferences = stored ?? data?.me?.notificationPreferences ?? null;
  const stock = preferences?.categories.find((preference) => preference.category === 'STOCK_ALERTS') ?? null;

  async function save(input: Parameters<typeof update>[0]['input'], what: string): Promise<void> {
    setStatus(null);
    const result = await update({ input });
    setErrors(formErrorsOf(result.error, ['smsNumber']));
    if (result.data) {
      setStored(result.data.updateNotificationPreferences);
      setStatus(`${what}: saved.`);
    }
  }

  async function toggle(channel: Channel, on: boolean) {
    setPending((current) => ({ ...current, [channel]: on }));
    await save({ categories: [{ category: 'STOCK_ALERTS', [channel]: on }] }, `Stock alerts by ${channel === 'sms' ? 'SMS' : channel}`);
    setPending(({ [channel]: _done, ...rest }) => rest);
  }

  async function saveNumber(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('smsNumber') ?? '').trim();
    await save({ smsNumber: typed === '' ? null : typed }, 'Your SMS number');
  }

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ErrorNotice error={error} action="Loading your notification settings" />
      {fetching && !data && <Loading what="your notification settings" />}
      {preferences && (
        <section aria-labelledby="alerts-title" className="card">
          <h2 id="alerts-title">Stock alerts</h2>
          <p className="muted">
            When a product falls below its low-stock threshold, the bell at the top of every page tells you. Choose where else the alert
            reaches you.
          </p>
          <FormError error={errors.form} />
          {stock ? (
            <fieldset className="channels">
              <legend>Send stock alerts by</legend>
              {CHANNELS.map(([channel, label]) => (
                <label key={channel} className="check">
                  <input type="checkbox" checked={pending[channel] ?? stock[channel]} onChange={(event) => void toggle(channel, event.target.checked)} />
                  {label}
                </label>
              ))}
            </fieldset>
          ) : (
            <p role="alert">This account has no stock alerts to choose for.</p>
          )}
          <p className="muted small">
            Push reaches the browsers registered for this account ({preferences.pushSubscriptions}), on the shop’s account page signed in as
            you.
          </p>
          {status && (
            <p role="status" className="saved">
              {status}
            </p>
          )}
          <form className="form sms-form" aria-label="SMS number" onSubmit={(event) => void saveNumber(event)} noValidate>
            <Field label="Mobile number for SMS" hint="International format, such as +44 7700 900123. Empty stops all SMS." error={errors.fields['smsNumber']}>
              <input key={preferences.smsNumber ?? ''} name="smsNumber" type="tel" autoComplete="tel" defaultValue={preferences.smsNumber ?? ''} />
            </Field>
            <div className="actions">
              <button type="submit">Save number</button>
            </div>
          </form>
        </section>
      )}
    </section>
  );
}
