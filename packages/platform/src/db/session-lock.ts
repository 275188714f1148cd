/**
 * Who may talk to the embedded PGlite's one session right now. A connection holds it from its first message
 * until the session is idle again (ReadyForQuery `I`): through an extended-protocol sequence up to its Sync,
 * and through a whole transaction block up to COMMIT or ROLLBACK. Others wait in arrival order (FIFO), so
 * no connection starves.
 */
export class SessionLock<Owner> {
  private owner: Owner | null = null;
  private readonly waiting: Array<{ readonly owner: Owner; readonly grant: () => void }> = [];

  holds(owner: Owner): boolean {
    return this.owner === owner;
  }

  /** Resolves once `owner` holds the session (at once if it already does). */
  acquire(owner: Owner): Promise<void> {
    if (this.owner === null || this.owner === owner) {
      this.owner = owner;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ owner, grant }));
  }

  /** Hands the session to the longest waiter; a no-op for anyone but the holder. */
  release(owner: Owner): void {
    if (this.owner !== owner) return;
    const next = this.waiting.shift();
    this.owner = next?.owner ?? null;
    next?.grant();
  }
}
