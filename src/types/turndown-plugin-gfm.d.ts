/**
 * turndown-plugin-gfm ships no types. Only what src/reader/markdown.ts uses is declared: each export is a
 * Turndown plugin (a function that adds rules to a service).
 */
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  /** All of the GitHub Flavored Markdown rules below. */
  export const gfm: TurndownService.Plugin;
  /** Tables with a heading row become pipe tables; others are kept as HTML. */
  export const tables: TurndownService.Plugin;
  export const strikethrough: TurndownService.Plugin;
  export const taskListItems: TurndownService.Plugin;
  export const highlightedCodeBlock: TurndownService.Plugin;
}
