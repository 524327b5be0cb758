/**
 * The scheduler alone (server/src/lsp/scheduler.ts), in process, with work that records what it is
 * asked to do: the order of analyses, coalescing behind the inbox, and the debounced workspace
 * re-check that newer changes cancel. Waits are on the recorded work, never on time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Scheduler } from '../../../server/src/lsp/scheduler';

function recordingScheduler(open: string[]) {
  const analysed: string[] = [];
  const traces: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let during: ((uri: string) => void) | undefined;
  const scheduler = new Scheduler({
    async analyse(uri) {
      analysed.push(uri);
      during?.(uri);
      for (const waiter of [...waiters]) if (analysed.length >= waiter.count) waiter.resolve();
    },
    prepare: () => undefined,
    rescan: () => undefined,
    openDocuments: () => open,
    log: (message) => assert.fail(message),
    trace: (message) => traces.push(message),
  });
  return {
    scheduler,
    analysed,
    traces,
    /** Resolves once `count` analyses have run in all. */
    after: (count: number) => new Promise<void>((resolve) => (analysed.length >= count ? resolve() : waiters.push({ count, resolve }))),
    /** Runs `action` inside the next analysis (once). */
    inside(action: (uri: string) => void) {
      during = (uri) => {
        during = undefined;
        action(uri);
      };
    },
  };
}

describe('scheduler', () => {
  it('analyses nothing while the connection is still dispatching messages: a burst is one analysis', async () => {
    const { scheduler, analysed, after } = recordingScheduler(['a']);
    let dispatched = 0;
    let dispatchedAtAnalysis = -1;
    // 50 messages, one per turn of the event loop as the connection dispatches them; each changes `a`.
    await new Promise<void>((resolve) => {
      const dispatch = () => {
        scheduler.changed('a');
        dispatched++;
        scheduler.noteDispatch();
        if (dispatched < 50) setImmediate(dispatch);
        else resolve();
      };
      setImmediate(dispatch);
    });
    void after(1).then(() => (dispatchedAtAnalysis = dispatched));
    await after(1);
    assert.equal(dispatchedAtAnalysis, 50);
    assert.deepEqual(analysed, ['a']);
  });

  it('order: a request first, then documents the user changed (visible first, then the most recent), then re-checks', async () => {
    const { scheduler, analysed, after } = recordingScheduler(['r1', 'r2', 'e1', 'e2', 'e3', 'q']);
    scheduler.setVisible(['e1']);
    scheduler.scheduleAll(); // every open document, as after a settings change
    scheduler.changed('e1');
    scheduler.changed('e2');
    scheduler.changed('e3');
    void scheduler.analysed('q');
    await after(6);
    assert.deepEqual(analysed, ['q', 'e1', 'e3', 'e2', 'r1', 'r2']);
  });

  it('workspace changes in a row make one re-check of what they concern, once they pause', async () => {
    const { scheduler, analysed, traces, after } = recordingScheduler(['a', 'b', 'c']);
    scheduler.recheckSoon(['a']);
    scheduler.recheckSoon(['b', 'a']);
    await after(2);
    assert.deepEqual(analysed.sort(), ['a', 'b']);
    assert.equal(traces.length, 1);
  });

  it('a newer change cancels the re-check under way: what it had not reached waits for the next, each document once', async () => {
    const { scheduler, analysed, traces, after, inside } = recordingScheduler(['a', 'b', 'c', 'd']);
    inside(() => scheduler.recheckSoon(['d']));
    scheduler.recheckSoon(['a', 'b', 'c']);
    await after(4);
    assert.equal(analysed.length, 4);
    assert.deepEqual(
      traces.map((t) => t.split(': ')[1].split(' ').sort()),
      [
        ['a', 'b', 'c'],
        ['b', 'c', 'd'],
      ],
    );
    assert.deepEqual(analysed.slice(1).sort(), ['b', 'c', 'd']);
  });

  it('a closed document is not re-checked, and a request waiting for it is released', async () => {
    const { scheduler, analysed, after } = recordingScheduler(['a']);
    scheduler.recheckSoon(['gone', 'a']);
    const waiting = scheduler.analysed('gone');
    scheduler.forget('gone');
    await waiting;
    await after(1);
    assert.deepEqual(analysed, ['a']);
  });
});
