import { FormEncodingError, parseStripeForm } from '../form-encoding';

describe('parseStripeForm', () => {
  it('nests bracketed keys and turns indexed ones into arrays, as the SDK encodes them', () => {
    expect(
      parseStripeForm('amount=5000&currency=usd&metadata[orderId]=o-1&metadata[note]=a%20b+c&allowed_payment_method_types[0]=card&allowed_payment_method_types[1]=link'),
    ).toEqual({ amount: '5000', currency: 'usd', metadata: { orderId: 'o-1', note: 'a b c' }, allowed_payment_method_types: ['card', 'link'] });
  });

  it('appends for empty brackets and keeps arrays of objects in index order', () => {
    expect(parseStripeForm('expand[]=a&expand[]=b')).toEqual({ expand: ['a', 'b'] });
    expect(parseStripeForm('items[1][price]=p2&items[0][price]=p1&items[10][price]=p11')).toEqual({
      items: [{ price: 'p1' }, { price: 'p2' }, { price: 'p11' }],
    });
  });

  it('decodes percent-encoded brackets and values, and reads an empty body as no parameters', () => {
    expect(parseStripeForm('metadata%5BorderId%5D=%E2%82%AC')).toEqual({ metadata: { orderId: '€' } });
    expect(parseStripeForm('')).toEqual({});
    expect(parseStripeForm('flag')).toEqual({ flag: '' });
  });

  it('refuses keys it cannot place', () => {
    expect(() => parseStripeForm('metadata[orderId=1')).toThrow(FormEncodingError);
    expect(() => parseStripeForm('[x]=1')).toThrow(FormEncodingError);
    expect(() => parseStripeForm('metadata=1&metadata[a]=2')).toThrow('metadata.a is both a value and an object.');
    expect(() => parseStripeForm('a[b]=1&a=2')).toThrow('a is both a value and an object.');
    expect(() => parseStripeForm('a=%E2%82')).toThrow('Invalid percent-encoding');
  });
});
