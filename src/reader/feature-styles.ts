/**
 * The reader features' own CSS, appended to the reader's stylesheet (READER_CSS, src/reader/styles.ts) by the
 * view. Each feature keeps its rules next to its code and exports them; this file only puts them together.
 */
import { PROGRESS_CSS } from './progress.js';
import { READ_ALOUD_CSS } from './read-aloud.js';
import { TOC_CSS } from './toc.js';
import { TRANSPARENCY_CSS } from './transparency.js';

/** The look of a labelled toolbar button ("Contents", "Read aloud"), beside the round close button. */
const TOOL_BUTTON_CSS = `
/* The bar is a zero-height sticky row: stretched to its height, the toolbar would centre its buttons on the
   bar's top edge, half of them above the viewport. Sized by its content, it lines up with the close button. */
.cp-tools { align-self: flex-start; }
.cp-tool-button {
  pointer-events: auto;
  height: 40px; padding: 0 14px;
  display: inline-flex; align-items: center;
  border: 0; border-radius: 20px;
  background: var(--cp-button-bg); color: var(--cp-fg);
  font: 600 14px/1 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  cursor: pointer;
}
.cp-tool-button:hover { background: var(--cp-button-hover); }
.cp-tool-button[aria-expanded="true"] { background: var(--cp-button-hover); }
.cp-tool-button[hidden] { display: none; }
.cp-tool-button:focus-visible { border-radius: 20px; }
@media print { .cp-tool-button { display: none !important; } }
`;

export const FEATURE_CSS = [TOOL_BUTTON_CSS, PROGRESS_CSS, TOC_CSS, READ_ALOUD_CSS, TRANSPARENCY_CSS].join('\n');
