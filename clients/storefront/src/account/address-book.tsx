import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import { StorefrontDeleteAddressMutation, StorefrontMyAddressesQuery, StorefrontSetDefaultAddressMutation } from './address-operations';
import { AddressForm, AddressLines, type Address } from './address-form';
import { FormAlert, Status } from './form-fields';

/** The shopper's addresses: add, edit, delete (after a confirmation), make one the default. */
export function AddressBook() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StorefrontMyAddressesQuery });
  const [, deleteAddress] = useMutation(StorefrontDeleteAddressMutation);
  const [, setDefaultAddress] = useMutation(StorefrontSetDefaultAddressMutation);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = () => refetch({ requestPolicy: 'network-only' });
  const done = (text: string) => {
    setEditing(null);
    setConfirmingDelete(null);
    setFailure(null);
    setMessage(text);
    reload();
  };

  async function remove(address: Address) {
    const result = await deleteAddress({ id: address.id });
    if (result.error) setFailure(`The address was not deleted: ${graphErrorOf(result.error).message}`);
    else done('Address deleted.');
  }

  async function makeDefault(address: Address) {
    const result = await setDefaultAddress({ id: address.id });
    if (result.error) setFailure(`The default address was not changed: ${graphErrorOf(result.error).message}`);
    else done('Default address changed.');
  }

  const addresses = data?.me?.addresses ?? [];
  return (
    <section aria-labelledby="account-addresses" className="account-section">
      <h2 id="account-addresses">Addresses</h2>
      {fetching && !data ? <Status>Loading your addresses…</Status> : null}
      {error ? <FormAlert>Your addresses could not be loaded: {graphErrorOf(error).message}</FormAlert> : null}
      <FormAlert>{failure}</FormAlert>
      {message ? <Status>{message}</Status> : null}
      {data && addresses.length === 0 ? <p>You have no saved addresses yet.</p> : null}
      <ul className="account-cards" aria-label="Saved addresses">
        {addresses.map((address) => (
          <li key={address.id} className="account-card">
            {editing === address.id ? (
              <AddressForm title={`Edit address ${address.label ?? address.fullName}`} address={address} onSaved={() => done('Address saved.')} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <p className="account-card-title">
                  {address.label ?? 'Address'} {address.isDefault ? <span className="account-badge">Default</span> : null}
                </p>
                <AddressLines address={address} />
                {confirmingDelete === address.id ? (
                  <div className="account-actions" role="group" aria-label="Confirm deletion">
                    <span>Delete this address?</span>
                    <button type="button" className="account-danger" onClick={() => void remove(address)}>
                      Yes, delete
                    </button>
                    <button type="button" className="account-secondary" onClick={() => setConfirmingDelete(null)}>
                      Keep it
                    </button>
                  </div>
                ) : (
                  <div className="account-actions">
                    <button type="button" className="account-secondary" onClick={() => setEditing(address.id)} aria-label={`Edit ${address.label ?? address.fullName}, ${address.line1}`}>
                      Edit
                    </button>
                    {address.isDefault ? null : (
                      <button type="button" className="account-secondary" onClick={() => void makeDefault(address)} aria-label={`Make ${address.label ?? address.line1} the default`}>
                        Make default
                      </button>
                    )}
                    <button type="button" className="account-secondary" onClick={() => setConfirmingDelete(address.id)} aria-label={`Delete ${address.label ?? address.fullName}, ${address.line1}`}>
                      Delete
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <AddressForm title="New address" onSaved={() => done('Address added.')} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add an address
        </button>
      )}
    </section>
  );
}
