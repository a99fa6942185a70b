// The views drawn with Observable Plot: one chunk, loaded when a plot is first opened.
export { CompareView } from './evidence/compare-view.js';
export { ForestView } from './evidence/forest-view.js';
