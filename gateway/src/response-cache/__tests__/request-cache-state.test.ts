import { beginRequestCacheState, noteSubgraphAnswer } from '../request-cache-state';
import { bothPolicies } from '../response-cache-plugin';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('what a request gathers from its subgraph answers', () => {
  it('files it under every tag listed, and a root field also under its subgraph’s Query', () => {
    const context = {};
    const state = beginRequestCacheState(context);
    noteSubgraphAnswer(context, headers({ 'x-cache-tags': 'products:Query.products products:Product:p1', 'cache-control': 'max-age=60, public' }));
    noteSubgraphAnswer(context, headers({ 'x-cache-tags': 'inventory:Product:p1', 'cache-control': 'max-age=60, public' }));
    expect([...state.tags].sort()).toEqual(['inventory:Product:p1', 'products:Product:p1', 'products:Query', 'products:Query.products']);
    expect(state.seen).toEqual({ answers: 2, maxAge: 60, isPrivate: false });
  });

  it('folds the answers’ own Cache-Control: a missing or no-store header makes the request uncacheable, private wins', () => {
    const context = {};
    const state = beginRequestCacheState(context);
    noteSubgraphAnswer(context, headers({ 'cache-control': 'max-age=30, private' }));
    expect(state.seen).toEqual({ answers: 1, maxAge: 30, isPrivate: true });
    noteSubgraphAnswer(context, headers({}));
    expect(state.seen.maxAge).toBe(0);
  });

  it('caches only what Apollo’s policy and the answers seen both allow, the stricter of the two', () => {
    const publicAnswers = { answers: 2, maxAge: 60, isPrivate: false };
    expect(bothPolicies({ maxAge: 60, scope: 'PUBLIC' }, publicAnswers)).toEqual({ maxAge: 60, scope: 'PUBLIC' });
    expect(bothPolicies({ maxAge: 60, scope: 'PUBLIC' }, { ...publicAnswers, isPrivate: true })).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(bothPolicies({ maxAge: 60, scope: 'PUBLIC' }, { ...publicAnswers, maxAge: 0 })).toBeNull();
    expect(bothPolicies({ maxAge: 60, scope: 'PUBLIC' }, { answers: 0, maxAge: Number.POSITIVE_INFINITY, isPrivate: false })).toBeNull();
    expect(bothPolicies(null, publicAnswers)).toBeNull();
    expect(bothPolicies({ maxAge: 10, scope: 'PUBLIC' }, publicAnswers)).toEqual({ maxAge: 10, scope: 'PUBLIC' });
  });
});
