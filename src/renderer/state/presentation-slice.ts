import type { PresentationSlice, SliceCreator, VisitScopedState } from './types.js';

export const presentationVisitDefaults = { largeText: false, highContrast: false } satisfies Partial<VisitScopedState>;

export const createPresentationSlice: SliceCreator<PresentationSlice> = (set, get) => ({
  ...presentationVisitDefaults,
  toggleLargeText: () => set({ largeText: !get().largeText }),
  toggleHighContrast: () => set({ highContrast: !get().highContrast }),
});
