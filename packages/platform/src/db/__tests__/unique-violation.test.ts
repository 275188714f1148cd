import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { violatedUniqueConstraint } from '../unique-violation';

/** What the pg driver raises for a unique violation: SQLSTATE 23505 and the constraint's name. */
function pgError(code: string, constraint?: string): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint'), { code, constraint });
}

describe('violatedUniqueConstraint', () => {
  it('names the unique constraint a write violated', () => {
    const error = new UniqueConstraintViolationException(pgError('23505', 'product_sku_unique'));
    expect(violatedUniqueConstraint(error)).toBe('product_sku_unique');
  });

  it('is null for a unique violation whose constraint is unknown', () => {
    expect(violatedUniqueConstraint(new UniqueConstraintViolationException(pgError('23505')))).toBeNull();
  });

  it('is null for any other failure', () => {
    expect(violatedUniqueConstraint(new ForeignKeyConstraintViolationException(pgError('23503', 'order_fk')))).toBeNull();
    expect(violatedUniqueConstraint(pgError('23505', 'product_sku_unique'))).toBeNull();
    expect(violatedUniqueConstraint(undefined)).toBeNull();
  });
});
