import { h, setText } from "./dom.js";
import { formatAge, formatValue, freshness, trendArrow } from "./format.js";
import type { LiveValue, SensorRow } from "./types.js";

interface Card {
  readonly root: HTMLElement;
  readonly value: HTMLElement;
  readonly age: HTMLElement;
  readonly arrow: HTMLElement;
  readonly health: HTMLElement;
  readonly issues: HTMLElement;
  sensor: SensorRow;
  live: LiveValue | null;
}

const NO_LOCATION = "\u0000none";

/**
 * The live cards, one per sensor, grouped by Location. Built once per sensor and then only
 * patched: a reading changes two text nodes, so 20 sensors at 1 Hz cost the browser little.
 */
export class SensorCards {
  private readonly cards = new Map<string, Card>();
  private readonly groups = new Map<string, HTMLElement>();
  private readonly dirty = new Set<string>();
  private frame = 0;
  selected: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly onSelect: (sensorId: string) => void,
  ) {}

  /** The overview's sensors: new cards made, gone ones removed, the rest patched. */
  update(sensors: readonly SensorRow[], nowMs: number): void {
    const seen = new Set<string>();
    for (const sensor of sensors) {
      seen.add(sensor.sensorId);
      let card = this.cards.get(sensor.sensorId);
      const groupKey = sensor.location?.locationId ?? NO_LOCATION;
      if (card === undefined) {
        card = this.create(sensor);
        this.cards.set(sensor.sensorId, card);
      }
      const group = this.group(groupKey, sensor.location?.name ?? "Not placed in a location");
      if (card.root.parentElement !== group) group.appendChild(card.root);
      // A live value newer than the overview's stays; an older one gives way.
      const overviewMs = sensor.lastUpdated === null ? null : Date.parse(sensor.lastUpdated);
      if (card.live !== null && overviewMs !== null && overviewMs >= card.live.atMs) card.live = null;
      card.sensor = sensor;
      this.render(card, nowMs);
    }
    for (const [id, card] of this.cards) {
      if (!seen.has(id)) {
        card.root.remove();
        this.cards.delete(id);
      }
    }
    for (const [key, group] of this.groups) {
      if (group.querySelector(".cards")?.childElementCount === 0) {
        group.remove();
        this.groups.delete(key);
      }
    }
    if (this.cards.size === 0 && this.container.querySelector(".empty") === null) {
      this.container.appendChild(h("p", { class: "empty" }, "No sensors yet: start a node (npm start runs a simulated one) or send readings with recordReadings."));
    } else if (this.cards.size > 0) {
      this.container.querySelector(".empty")?.remove();
    }
  }

  sensorIds(): string[] {
    return [...this.cards.keys()];
  }

  sensor(sensorId: string): SensorRow | undefined {
    return this.cards.get(sensorId)?.sensor;
  }

  /** A reading from the subscription: shown at the next animation frame. */
  live(sensorId: string, value: number, atMs: number): void {
    const card = this.cards.get(sensorId);
    if (card === undefined || (card.live !== null && card.live.atMs > atMs)) return;
    card.live = { value, atMs };
    this.dirty.add(sensorId);
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const now = Date.now();
        for (const id of this.dirty) {
          const c = this.cards.get(id);
          if (c !== undefined) this.render(c, now);
        }
        this.dirty.clear();
      });
    }
  }

  /** Ages and freshness move with the clock, readings or not. */
  tick(nowMs: number): void {
    for (const card of this.cards.values()) this.renderAge(card, nowMs);
  }

  select(sensorId: string | null): void {
    this.selected = sensorId;
    for (const [id, card] of this.cards) card.root.classList.toggle("selected", id === sensorId);
  }

  private group(key: string, name: string): HTMLElement {
    let group = this.groups.get(key);
    if (group === undefined) {
      group = h("section", { class: "location", "data-location-id": key === NO_LOCATION ? "" : key }, h("h2", {}, name), h("div", { class: "cards" }));
      this.groups.set(key, group);
      this.container.appendChild(group);
    }
    return group.querySelector(".cards") as HTMLElement;
  }

  private create(sensor: SensorRow): Card {
    const value = h("span", { class: "value" });
    const arrow = h("span", { class: "arrow", title: "trend over the last 5 minutes" });
    const age = h("span", { class: "age" });
    const health = h("span", { class: "health" });
    const issues = h("ul", { class: "issues" });
    const root = h(
      "button",
      { class: "card", type: "button", "data-sensor-id": sensor.sensorId, title: "show its history", onclick: () => this.onSelect(sensor.sensorId) },
      h("div", { class: "card-head" }, h("span", { class: "name" }, sensor.name ?? sensor.sensorId), h("span", { class: "kind" }, sensor.kind.toLowerCase())),
      h("div", { class: "reading" }, value, arrow),
      h("div", { class: "card-foot" }, age, health),
      issues,
    );
    return { root, value, age, arrow, health, issues, sensor, live: null };
  }

  private render(card: Card, nowMs: number): void {
    const { sensor, live } = card;
    const current = live?.value ?? sensor.currentValue;
    setText(card.value, formatValue(current, sensor.unit));
    card.value.dataset["value"] = current === null ? "" : String(current);
    setText(card.arrow, trendArrow(sensor.traits?.trend));
    card.arrow.dataset["trend"] = sensor.traits?.trend ?? "";
    const health = sensor.health;
    setText(card.health, health === null ? "" : `${health.status.toLowerCase()} ${health.score}`);
    card.health.className = `health ${health?.status.toLowerCase() ?? ""}`;
    const issues = health?.issues ?? [];
    if (card.issues.childElementCount !== issues.length || issues.some((t, i) => card.issues.children[i]?.textContent !== t)) {
      card.issues.replaceChildren(...issues.map((t) => h("li", {}, t)));
    }
    this.renderAge(card, nowMs);
  }

  private renderAge(card: Card, nowMs: number): void {
    const lastMs = card.live?.atMs ?? (card.sensor.lastUpdated === null ? null : Date.parse(card.sensor.lastUpdated));
    setText(card.age, formatAge(lastMs, nowMs));
    const level = freshness(lastMs, card.sensor.traits?.staleAfterSeconds ?? 5, nowMs);
    if (card.root.dataset["freshness"] !== level) card.root.dataset["freshness"] = level;
  }
}
