// Type declarations for <myoref-body-chart> (written by hand; docs/javascript.md).
import type { KnowledgeBase, PainMark } from "./myoref.js";

/** The drawing picture's colour for a pain intensity 0..10 ("#rrggbb"). */
export function painColour(intensity: number): string;

/** The pain-drawing component: the library's blank chart (front and back),
 * marked by mouse, touch or keyboard. Registered as <myoref-body-chart> on import. */
export class MyorefBodyChart extends HTMLElement {
  /** The knowledge base whose chart to show (its renderChart()). */
  kb: KnowledgeBase | null;
  /** Or the chart's SVG text directly. */
  chartSVG: string | null;
  /** The intake's pain list, in the chart's order. Setting it fires no event. */
  value: PainMark[];
  /** The selected region's key, or null. */
  readonly selected: string | null;
  /** The intensity a click, tap, Enter or Space gives (5). */
  defaultIntensity: number;
  /** Focuses a region by key (default: the chart's current one). */
  focusRegion(key?: string): void;
  addEventListener(type: "change", listener: (event: CustomEvent<{ value: PainMark[] }>) => void,
                   options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
                   options?: boolean | AddEventListenerOptions): void;
}

/** Registers the element under `name` (once; a no-op when already defined). */
export function defineBodyChart(name?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    "myoref-body-chart": MyorefBodyChart;
  }
}
