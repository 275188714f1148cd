import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphProvider, Session } from '@techally/app-kit';
import { App } from './App';
import './styles.css';

const GRAPHQL_URL = '/graphql';
// Its own storage key: signing in to the shop in the same browser does not sign anyone in here, nor out.
const session = new Session({ url: GRAPHQL_URL, storageKey: 'techally.admin.session' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GraphProvider url={GRAPHQL_URL} session={session}>
      <App />
    </GraphProvider>
  </StrictMode>,
);
