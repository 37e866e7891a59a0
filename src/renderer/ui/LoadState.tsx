import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loadable } from '../state/types.js';

/** Shows loading, a translated error with a retry, or the loaded content. */
export function LoadState<T>({ loadable, retry, children }: { loadable: Loadable<T>; retry: () => void; children: (value: T) => ReactNode }) {
  const { t } = useTranslation();
  if (loadable.status === 'ready' && loadable.value !== undefined) return <>{children(loadable.value)}</>;
  if (loadable.status === 'failed') {
    return (
      <div className="error-panel" role="alert">
        <h2>
          <span aria-hidden="true">⚠ </span>
          {t('common:loadFailed')}
        </h2>
        <p>{t(`errors:${loadable.error ?? 'UNAVAILABLE'}`)}</p>
        <button type="button" className="button primary" onClick={retry}>
          {t('common:retry')}
        </button>
      </div>
    );
  }
  return <p className="status-message">{t('common:loading')}</p>;
}
