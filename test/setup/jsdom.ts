import "@testing-library/jest-dom";

// jsdom lacks the layout observers Fluent UI uses for overflow; the pane's behaviour does not depend on them.
class NoopObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= NoopObserver;
w.IntersectionObserver ??= NoopObserver;

// jsdom has no TextEncoder (every browser and Office webview has); the report's input hash needs it.
import { TextDecoder, TextEncoder } from "util";
w.TextEncoder ??= TextEncoder;
w.TextDecoder ??= TextDecoder;
