import { BackendMessageTracker, wireMessage as message } from '../wire-protocol';

const readyInTransaction = message('Z', Buffer.from('T'));
const readyIdle = message('Z', Buffer.from('I'));
// A DataRow whose value ends with the very bytes of a ReadyForQuery 'I'.
const rowLookingReady = message('D', Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 6]), readyIdle]));

describe('BackendMessageTracker', () => {
  it('reports the status of a ReadyForQuery that ends the answer, however the answer is cut into chunks', () => {
    const answer = Buffer.concat([message('C', Buffer.from('COMMIT\0')), readyIdle]);
    for (let cut = 0; cut <= answer.length; cut += 1) {
      const tracker = new BackendMessageTracker();
      tracker.push(answer.subarray(0, cut));
      tracker.push(answer.subarray(cut));
      expect(tracker.readyStatus).toBe('I');
    }
  });

  it('reports a transaction still open, and nothing for an answer that does not end with ReadyForQuery', () => {
    const inTransaction = new BackendMessageTracker();
    inTransaction.push(readyInTransaction);
    expect(inTransaction.readyStatus).toBe('T');

    const midSequence = new BackendMessageTracker();
    midSequence.push(Buffer.concat([readyIdle, message('1', Buffer.alloc(0))])); // ParseComplete, no Sync yet
    expect(midSequence.readyStatus).toBeNull();
  });

  it('is not fooled by a row whose bytes end like a ReadyForQuery', () => {
    const tracker = new BackendMessageTracker();
    tracker.push(rowLookingReady);
    expect(tracker.readyStatus).toBeNull();
    tracker.push(readyInTransaction.subarray(0, 3));
    expect(tracker.readyStatus).toBeNull();
  });
});
