import uPlot, { type AlignedData, type Options } from "uplot";
import "uplot/dist/uPlot.min.css";
import { h } from "./dom.js";
import type { History, Simulation } from "./types.js";

type Cell = number | null;

/** The rows of the chart, by time (seconds): history buckets, forecast points and the what-if path share one x axis. */
function columns(history: History | null, simulation: Simulation | null): { data: AlignedData; counts: Record<string, number>; nowS: number | null } {
  const rows = new Map<number, Cell[]>();
  const row = (t: number): Cell[] => {
    let r = rows.get(t);
    if (r === undefined) {
      r = Array<Cell>(9).fill(null);
      rows.set(t, r);
    }
    return r;
  };
  const counts = { history: 0, forecast: 0, whatIf: 0 };
  let last: { t: number; v: number } | null = null;
  for (const b of history?.trend?.series ?? []) {
    if (b.avg === null) continue;
    const t = Date.parse(b.end) / 1000;
    const r = row(t);
    r[0] = b.avg;
    r[1] = b.min;
    r[2] = b.max;
    counts.history += 1;
    last = { t, v: b.avg };
  }
  const forecasts = history === null ? [] : [history.f1, history.f2, history.f3, history.f4];
  // eslint-disable-next-line @typescript-eslint/prefer-optional-chain -- `?.` would make a null forecast undefined, and undefined !== null
  const drawn = forecasts.filter((f) => f !== null && f.value !== null && f.lower !== null && f.upper !== null);
  if (drawn.length > 0 && last !== null) {
    // The forecast starts where the history ends, so the line and band join it.
    const r = row(last.t);
    r[3] = last.v;
    r[4] = last.v;
    r[5] = last.v;
  }
  for (const f of drawn) {
    if (f === null) continue;
    const r = row(Date.parse(f.asOf) / 1000 + f.horizonMinutes * 60);
    r[3] = f.value;
    r[4] = f.lower;
    r[5] = f.upper;
    counts.forecast += 1;
  }
  for (const p of simulation?.trajectory ?? []) {
    const r = row(Date.parse(p.timestamp) / 1000);
    r[6] = p.value;
    r[7] = p.lower;
    r[8] = p.upper;
    counts.whatIf += 1;
  }
  const times = [...rows.keys()].sort((a, b) => a - b);
  const data: Cell[][] = [times];
  for (let i = 0; i < 9; i++) data.push(times.map((t) => (rows.get(t) as Cell[])[i] ?? null));
  const asOf = history?.trend?.asOf;
  return { data: data as unknown as AlignedData, counts, nowS: asOf === undefined ? null : Date.parse(asOf) / 1000 };
}

/**
 * One sensor's history (bucket averages with their min–max band), the forecast with its 90 %
 * band ahead of now, a what-if trajectory with its band, and alert episodes shaded on the time
 * axis — drawn with uPlot.
 */
export class HistoryChart {
  private plot: uPlot | null = null;
  private history: History | null = null;
  private simulation: Simulation | null = null;
  private episodes: Array<{ fromS: number; toS: number | null }> = [];
  private windowSeconds = 3600;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  constructor(
    private readonly container: HTMLElement,
    private unit: string,
  ) {
    this.resize.observe(container);
  }

  show(history: History, unit: string, windowSeconds: number): void {
    this.history = history;
    this.unit = unit;
    this.windowSeconds = windowSeconds;
    this.episodes = history.anomalies.map((a) => ({ fromS: Date.parse(a.timestamp) / 1000, toS: a.clearedAt === null ? null : Date.parse(a.clearedAt) / 1000 }));
    this.draw();
  }

  whatIf(simulation: Simulation | null): void {
    this.simulation = simulation;
    this.draw();
  }

  clear(): void {
    this.plot?.destroy();
    this.plot = null;
    this.history = null;
    this.simulation = null;
    this.container.replaceChildren();
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(300, this.container.clientWidth), height: 280 };
  }

  private draw(): void {
    const { data, counts, nowS } = columns(this.history, this.simulation);
    Object.assign(this.container.dataset, {
      historyPoints: String(counts.history),
      forecastPoints: String(counts.forecast),
      whatIfPoints: String(counts.whatIf),
      alertMarks: String(this.episodes.length),
    });
    this.plot?.destroy();
    this.container.replaceChildren();
    if (data[0].length === 0) {
      this.container.appendChild(h("p", { class: "empty" }, "No readings in this window."));
      this.plot = null;
      return;
    }
    const episodes = this.episodes;
    const times = data[0];
    // The whole window, from its start to the end of whatever is drawn ahead of now.
    const endS = Math.max(nowS ?? 0, times[times.length - 1] ?? 0);
    const startS = Math.min((nowS ?? endS) - this.windowSeconds, times[0] ?? endS);
    const options: Options = {
      ...this.size(),
      scales: { x: { time: true, range: () => [startS, endS] } },
      legend: { show: false },
      series: [
        {},
        { label: `average (${this.unit})`, stroke: "#2563eb", width: 2, spanGaps: false },
        { label: "min", stroke: "transparent", points: { show: false } },
        { label: "max", stroke: "transparent", points: { show: false } },
        { label: "forecast", stroke: "#9333ea", width: 2, dash: [6, 4], spanGaps: true },
        { label: "forecast 5 %", stroke: "transparent", points: { show: false }, spanGaps: true },
        { label: "forecast 95 %", stroke: "transparent", points: { show: false }, spanGaps: true },
        { label: "what-if", stroke: "#ea580c", width: 2, spanGaps: true },
        { label: "what-if 5 %", stroke: "transparent", points: { show: false }, spanGaps: true },
        { label: "what-if 95 %", stroke: "transparent", points: { show: false }, spanGaps: true },
      ],
      bands: [
        { series: [3, 2], fill: "rgba(37, 99, 235, 0.12)" },
        { series: [6, 5], fill: "rgba(147, 51, 234, 0.15)" },
        { series: [9, 8], fill: "rgba(234, 88, 12, 0.15)" },
      ],
      axes: [{}, { label: this.unit }],
      hooks: {
        draw: [
          (u) => {
            const { ctx, bbox } = u;
            ctx.save();
            // Alert episodes: a red column from raised to cleared (or to now while open).
            ctx.fillStyle = "rgba(220, 38, 38, 0.14)";
            for (const e of episodes) {
              const x0 = u.valToPos(e.fromS, "x", true);
              const x1 = u.valToPos(e.toS ?? nowS ?? e.fromS, "x", true);
              ctx.fillRect(Math.max(bbox.left, x0), bbox.top, Math.max(2, Math.min(bbox.left + bbox.width, x1) - Math.max(bbox.left, x0)), bbox.height);
            }
            if (nowS !== null) {
              const x = u.valToPos(nowS, "x", true);
              ctx.strokeStyle = "#64748b";
              ctx.setLineDash([3, 3]);
              ctx.beginPath();
              ctx.moveTo(x, bbox.top);
              ctx.lineTo(x, bbox.top + bbox.height);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
    this.plot = new uPlot(options, data, this.container);
  }
}
