/**
 * Runs async work one at a time, in the order asked (a FIFO mutex). The rollup writers (the
 * batch writer, a rebuild, retention) take it so that a rollup bucket is read and written by
 * one of them at a time: a rebuild never misses a batch committing beside it.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work);
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
