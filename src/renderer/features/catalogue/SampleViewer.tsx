import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/contract/result.js';
import { kioskHost } from '../../host/kiosk-client.js';

const ZOOM_STEPS = [1, 1.5, 2, 3];

interface SampleViewerProps {
  serviceId: string;
  sampleId: string;
  title: string;
  /** Said when the sample is not in the visitor's language ("This sample is in Kyrgyz and Russian"). */
  languageNote?: string;
  onClose: () => void;
}

/** A sample filled form over the whole screen, with large zoom buttons (pinch is off on the kiosk). */
export function SampleViewer({ serviceId, sampleId, title, languageNote, onClose }: SampleViewerProps) {
  const { t } = useTranslation();
  const [source, setSource] = useState<string>();
  const [error, setError] = useState<ErrorCode>();
  const [zoom, setZoom] = useState(0);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
    let current = true;
    void kioskHost.getSampleForm({ serviceId, sampleId }).then((result) => {
      if (!current) return;
      if (result.ok) setSource(`data:${result.value.mediaType};base64,${result.value.dataBase64}`);
      else setError(result.error.code);
    });
    return () => {
      current = false;
    };
  }, [serviceId, sampleId]);

  return (
    <div
      className="sample-viewer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="sample-viewer-title"
      aria-describedby={languageNote ? 'sample-viewer-language' : undefined}
    >
      <header className="sample-viewer-bar">
        <div>
          <h2 id="sample-viewer-title">{title}</h2>
          {languageNote && (
            <p id="sample-viewer-language" className="sample-viewer-language" data-testid="sample-viewer-language">
              {languageNote}
            </p>
          )}
        </div>
        <div className="sample-viewer-zoom">
          <button type="button" className="button secondary" disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>
            <span aria-hidden="true">− </span>
            {t('catalogue:sample.zoomOut')}
          </button>
          <span className="zoom-level" aria-live="polite">
            {Math.round(ZOOM_STEPS[zoom]! * 100)}%
          </span>
          <button type="button" className="button secondary" disabled={zoom === ZOOM_STEPS.length - 1} onClick={() => setZoom(zoom + 1)}>
            <span aria-hidden="true">+ </span>
            {t('catalogue:sample.zoomIn')}
          </button>
          <button type="button" className="button primary" ref={closeButton} onClick={onClose}>
            {t('catalogue:sample.close')}
          </button>
        </div>
      </header>
      {/* Focusable, so a zoomed sample can be scrolled without touch too. */}
      <div className="sample-viewer-page" tabIndex={0}>
        {error && (
          <p className="error-panel" role="alert">
            {t(`errors:${error}`)}
          </p>
        )}
        {!error && !source && <p className="status-message">{t('common:loading')}</p>}
        {source && <img src={source} alt={title} style={{ width: `${ZOOM_STEPS[zoom]! * 100}%` }} data-zoom={ZOOM_STEPS[zoom]} />}
      </div>
    </div>
  );
}
