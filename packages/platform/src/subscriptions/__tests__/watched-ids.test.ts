import { watchedIds } from '../watched-ids';

const rule = { argument: 'productIds', noun: 'product', max: 3 };
const A = '0b6f1f0e-3c1e-4d7a-9f59-2f3c8d1e4a10';
const B = '5d0e6a43-8f9e-4c77-b2f7-9a4c6f1d2e3b';

function refusal(ids: string[]) {
  try {
    watchedIds(ids, rule);
  } catch (error) {
    return { message: (error as Error).message, extensions: (error as { extensions: unknown }).extensions };
  }
  throw new Error('accepted');
}

describe('watchedIds', () => {
  it('answers the ids distinct and lower-cased', () => {
    expect(watchedIds([A, A.toUpperCase(), B], rule)).toEqual([A, B]);
  });

  it('refuses too few or too many ids, then a malformed one, naming the argument or the entry', () => {
    expect(refusal([])).toEqual({ message: 'productIds must name 1 to 3 products; got 0.', extensions: { code: 'BAD_USER_INPUT', field: 'productIds' } });
    expect(refusal([A, A, A, A])).toEqual({ message: 'productIds must name 1 to 3 products; got 4.', extensions: { code: 'BAD_USER_INPUT', field: 'productIds' } });
    expect(refusal([A, 'x'])).toEqual({ message: 'productIds[1] is not a product id.', extensions: { code: 'BAD_USER_INPUT', field: 'productIds[1]' } });
  });
});
