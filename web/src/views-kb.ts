// The views that read the whole knowledge base: one chunk, loaded when first opened.
export { AboutView } from './about/about-view.js';
export { StudiesView } from './evidence/studies-view.js';
export { StudyView } from './evidence/study-view.js';
export { ReferencesView } from './references/references-view.js';
export { TrialsView } from './trials/trials-view.js';
