import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useSession } from '@techally/app-kit';
import { graphql } from './gql';

const AdminWarehousesQuery = graphql(`
  query AdminWarehouses {
    warehouses {
      id
      code
      name
    }
  }
`);

/** The back office. (Skeleton: the portal is issue #12's work.) */
export function App() {
  const { state } = useSession();
  return <main>{state ? <Warehouses /> : <SignIn />}</main>;
}

function SignIn() {
  const { session } = useSession();
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await session.signIn(String(form.get('email')), String(form.get('password')));
    setError(result.ok ? null : result.error.message);
  }
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <h1>TechAlly Admin</h1>
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function Warehouses() {
  const [{ data, error }] = useQuery({ query: AdminWarehousesQuery });
  if (error) return <p role="alert">{error.message}</p>;
  return (
    <ul aria-label="Warehouses">
      {data?.warehouses.map((warehouse) => (
        <li key={warehouse.id}>
          {warehouse.code} — {warehouse.name}
        </li>
      ))}
    </ul>
  );
}
