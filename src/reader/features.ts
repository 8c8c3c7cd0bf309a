/**
 * Reader features: the parts of the reader view beyond the article itself (appearance menu, table of contents,
 * progress, read aloud, export, transparency chips, comments drawer). Each lives in its own module and is
 * mounted here; the view (view.ts) gives every feature one context and calls it after each render.
 */
import type { Appearance } from '../shared/settings.js';
import { mountAppearance } from './appearance-menu.js';
import { exportMarkdown } from './export-markdown.js';
import { mountProgress } from './progress.js';
import { mountReadAloud } from './read-aloud.js';
import { mountToc } from './toc.js';
import { mountTransparency } from './transparency.js';
import type { ReaderContent } from './view.js';

export interface ReaderContext {
  doc: Document;
  /** The overlay's host element (it scrolls: `host.scrollTop` is the reading position). */
  host: HTMLElement;
  root: ShadowRoot;
  /** The dialog element holding the bar and the article. */
  page: HTMLElement;
  /** The toolbar at the top: features append their buttons here, in mount order. */
  tools: HTMLElement;
  /** The `<article>` element: header (`.cp-header`), body (`.cp-content`) and footer, rebuilt on each render. */
  article: HTMLElement;
  /** Aborted when the reader closes: hang every listener on it. */
  signal: AbortSignal;
  /** The appearance in force (it changes through `setAppearance`). */
  appearance(): Appearance;
  /** Asks the reader to close, as the close button does. */
  requestClose(): void;
}

export interface ReaderFeature {
  /** Called after every render of the article (first open, settings changes, a new SPA article). */
  render?(content: ReaderContent): void;
  /** Called when the appearance changes. */
  appearanceChanged?(appearance: Appearance): void;
  /** Called once when the reader closes, before the host is removed. */
  destroy?(): void;
}

export type FeatureFactory = (ctx: ReaderContext) => ReaderFeature;

/** The features, in the order their toolbar buttons appear. */
export const FEATURES: readonly FeatureFactory[] = [
  mountProgress, // no toolbar button: the bar at the top of the reader
  mountTransparency, // no toolbar button: the chips under the header and the comments drawer
  mountAppearance, // "Aa": theme, font, size, width, line spacing
  mountToc, // "Contents"
  mountReadAloud, // "Read aloud"
  exportMarkdown, // "Export"
];
