import { h } from "./dom.js";

/** The page's errors, by what failed: each stays shown until that thing works again. */
export class ErrorBanner {
  private readonly shown = new Map<string, HTMLElement>();

  constructor(private readonly container: HTMLElement) {}

  show(key: string, message: string): void {
    const existing = this.shown.get(key);
    if (existing !== undefined) {
      if (existing.textContent !== message) existing.textContent = message;
      return;
    }
    const line = h("p", { class: "error", "data-error": key }, message);
    this.shown.set(key, line);
    this.container.appendChild(line);
  }

  clear(key: string): void {
    this.shown.get(key)?.remove();
    this.shown.delete(key);
  }
}
