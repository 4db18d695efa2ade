/**
 * Runs `task` until it succeeds or `gone()` says there is no longer any point, waiting longer
 * after each failure (doubling from `firstDelayMs` up to `maxDelayMs`). Each failure is passed
 * to `onError` with the attempt number; resolves true once the task succeeded, false if gave up.
 */
export async function retryUntil(
  task: () => Promise<unknown>,
  options: { gone: () => boolean; onError: (error: unknown, attempt: number) => void; firstDelayMs?: number; maxDelayMs?: number },
): Promise<boolean> {
  let delay = options.firstDelayMs ?? 250;
  const max = options.maxDelayMs ?? 10_000;
  for (let attempt = 1; !options.gone(); attempt++) {
    try {
      await task();
      return true;
    } catch (error) {
      if (options.gone()) return false;
      options.onError(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      delay = Math.min(max, delay * 2);
    }
  }
  return false;
}
