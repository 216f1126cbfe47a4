export {};
// Test setup shared by all unit and component tests.
// DOM stubs for React Flow are installed only in jsdom test files.
if (typeof window !== 'undefined') {
  await import('./ui/dom-stubs');
}
