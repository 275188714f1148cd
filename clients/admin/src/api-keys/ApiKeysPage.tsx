import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AdminApiKeyFieldsFragment } from '../gql/graphql';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatDateTime, humanize } from '../ui/format';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { SecretOnce } from './SecretOnce';
import { ActionsHeader } from '../ui/bits';

export const AdminApiKeyFields = graphql(`
  fragment AdminApiKeyFields on ApiKey {
    id
    name
    prefix
    tier
    status
    expiresAt
    createdAt
    rotatedAt
    revokedAt
    lastUsedAt
    owner {
      id
      name
      email
    }
  }
`);

const AdminApiKeysQuery = graphql(`
  query AdminApiKeys($first: Int, $after: String) {
    apiKeys(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...AdminApiKeyFields
        }
      }
    }
  }
`);

const AdminRotateApiKeyMutation = graphql(`
  mutation AdminRotateApiKey($id: ID!) {
    rotateApiKey(id: $id) {
      secret
      apiKey {
        ...AdminApiKeyFields
      }
    }
  }
`);

const AdminRevokeApiKeyMutation = graphql(`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...AdminApiKeyFields
    }
  }
`);

type ApiKey = AdminApiKeyFieldsFragment;

const API_KEY_TYPES = { additionalTypenames: ['ApiKey'] };

/** Partner API keys: issue one (its secret shown once), rotate, revoke. */
export function ApiKeysPage() {
  // An empty list has no ApiKey in it for urql to see: name the type, so issuing the first key refreshes it.
  const [{ data, error, fetching }] = useQuery({ query: AdminApiKeysQuery, variables: { first: 100 }, context: API_KEY_TYPES });
  const [rotating, rotate] = useMutation(AdminRotateApiKeyMutation);
  const [revoking, revoke] = useMutation(AdminRevokeApiKeyMutation);
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);
  const [asking, setAsking] = useState<{ action: 'rotate' | 'revoke'; key: ApiKey } | null>(null);

  async function confirm() {
    if (!asking) return;
    if (asking.action === 'rotate') {
      const result = await rotate({ id: asking.key.id });
      if (result.data) setIssued({ name: result.data.rotateApiKey.apiKey.name, secret: result.data.rotateApiKey.secret });
    } else {
      await revoke({ id: asking.key.id });
    }
    setAsking(null);
  }

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">Partner API keys</h1>
      {issued && <SecretOnce name={issued.name} secret={issued.secret} onDismiss={() => setIssued(null)} />}
      <ErrorNotice error={rotating.error} action="Rotating the key" />
      <ErrorNotice error={revoking.error} action="Revoking the key" />
      <div>
        <section aria-labelledby="key-list-title" className="card">
          <h2 id="key-list-title">Keys</h2>
          <ErrorNotice error={error} action="Loading the keys" />
          {fetching && !data && <Loading what="API keys" />}
          {data && data.apiKeys.edges.length === 0 && <p>No keys issued yet.</p>}
          {data && data.apiKeys.edges.length > 0 && (
            <div className="table-wrap">
              <table aria-label="API keys">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Key starts</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Tier</th>
                    <th scope="col">Status</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {data.apiKeys.edges.map(({ node: key }) => (
                    <tr key={key.id}>
                      <th scope="row">{key.name}</th>
                      <td>
                        <code>{key.prefix}…</code>
                      </td>
                      <td>{key.owner.name}</td>
                      <td>{humanize(key.tier)}</td>
                      <td>
                        <span className={key.status === 'ACTIVE' ? 'badge badge-ok' : 'badge badge-muted'}>{humanize(key.status)}</span>
                      </td>
                      <td>{formatDateTime(key.expiresAt)}</td>
                      <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
                      <td className="row-actions">
                        {key.status === 'ACTIVE' && (
                          <>
                            <button type="button" onClick={() => setAsking({ action: 'rotate', key })}>
                              Rotate<span className="visually-hidden"> {key.name}</span>
                            </button>
                            <button type="button" className="danger" onClick={() => setAsking({ action: 'revoke', key })}>
                              Revoke<span className="visually-hidden"> {key.name}</span>
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="new-key-title" className="card narrow">
          <h2 id="new-key-title">New key</h2>
          <CreateApiKeyForm onIssued={setIssued} />
        </section>
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking?.action === 'rotate' ? `Rotate ${asking.key.name}?` : `Revoke ${asking?.key.name ?? ''}?`}
        confirmLabel={asking?.action === 'rotate' ? 'Rotate key' : 'Revoke key'}
        danger
        busy={rotating.fetching || revoking.fetching}
        onCancel={() => setAsking(null)}
        onConfirm={() => void confirm()}
      >
        <p>
          {asking?.action === 'rotate'
            ? 'A new secret is issued and the current one stops working at once: the partner must switch to the new secret.'
            : 'The key stops working at once, for good. The partner will need a new key.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}
