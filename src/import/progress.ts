import cliProgress from "cli-progress";

export interface Progress {
  /** `done` of the total are finished now. */
  update(done: number): void;
  stop(): void;
}

/** Rate and time left from what was done in `elapsedMs`; null ETA until something is done. */
export function rateAndEta(done: number, total: number, elapsedMs: number): { perSecond: number; etaSeconds: number | null } {
  const perSecond = done / Math.max(0.001, elapsedMs / 1000);
  return { perSecond, etaSeconds: done === 0 ? null : Math.max(0, (total - done) / perSecond) };
}

function seconds(s: number | null): string {
  if (s === null) return "?";
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/**
 * Progress of long work on stderr: a live bar with rate and ETA on a terminal (cli-progress),
 * else (a log file, CI) one line at each further 10 %.
 */
export function createProgress(total: number, unit: string, stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `[{bar}] {percentage}% {value}/{total} ${unit}, {rate}/s, ETA {eta_formatted}`, hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    const started = clock();
    bar.start(total, 0, { rate: 0 });
    return {
      update: (done) => bar.update(done, { rate: Math.round(rateAndEta(done, total, clock() - started).perSecond) }),
      stop: () => bar.stop(),
    };
  }
  const started = clock();
  let printedTenth = 0;
  return {
    update: (done) => {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth <= printedTenth) return;
      printedTenth = tenth;
      const { perSecond, etaSeconds } = rateAndEta(done, total, clock() - started);
      stream.write(`${tenth * 10}% ${done}/${total} ${unit}, ${Math.round(perSecond)}/s, ETA ${seconds(etaSeconds)}\n`);
    },
    stop: () => undefined,
  };
}
