import type { Transaction } from '@mikro-orm/core';

/**
 * The base class of this package's migrations: the part of `@mikro-orm/migrations`' `Migration` that
 * MikroORM's migration runner calls (reset, isTransactional, setTransactionContext, up/down, getQueries).
 *
 * Why not extend `Migration` from `@mikro-orm/migrations`: this package does not depend on it (the platform
 * does, and runs the migrator), and a workspace dependency cannot be added while others install. Our
 * migrations only ever `addSql`, which is all this supports. Swapping the import back is a one-line change
 * per file once `@mikro-orm/migrations` is a dependency here.
 */
export abstract class Migration {
  private readonly queries: string[] = [];

  abstract up(): Promise<void> | void;

  down(): Promise<void> | void {
    throw new Error('This migration cannot be reverted');
  }

  isTransactional(): boolean {
    return true;
  }

  addSql(sql: string): void {
    this.queries.push(sql);
  }

  reset(): void {
    this.queries.length = 0;
  }

  setTransactionContext(_transaction: Transaction): void {
    // Statements run through the runner inside its transaction; nothing here executes SQL itself.
  }

  getQueries(): string[] {
    return this.queries;
  }
}
