import { Component, type ReactNode } from 'react';
import { FormTooSlowError } from '../application/form-too-slow.js';
import type { ScreenFailureKind } from '../../state/types.js';

export const failureKindOf = (error: unknown): ScreenFailureKind => (error instanceof FormTooSlowError ? 'too-slow' : 'threw');
export const errorNameOf = (error: unknown): string => (error instanceof Error ? error.name : 'Error');

/**
 * Catches a screen that throws while drawing, so a visitor sees a way back to the start instead
 * of a blank kiosk. It only reports; the App shows the failure screen from the store.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode; onFailure: (kind: ScreenFailureKind, errorName: string) => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onFailure(failureKindOf(error), errorNameOf(error));
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
