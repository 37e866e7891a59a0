import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import type { PackageProblem } from '../../shared/contract/content-rollout.js';
import { contentApi, MAX_ZIP_BYTES, type UploadProgress } from '../api/content-api.js';
import { ProblemList } from './ProblemList.js';

type Outcome =
  | { kind: 'published'; version: number }
  | { kind: 'refused'; problems: PackageProblem[] }
  | { kind: 'error'; reason: 'chooseFile' | 'emptyFile' | 'tooLarge' | 'unavailable' | 'forbidden' };

/** Choose the package's zip, send it with its progress shown, then the version published or every problem found. */
export function UploadPanel({ session, onPublished }: { session: BackOfficeSession; onPublished: () => void }) {
  const { t } = useTranslation('content');
  const [file, setFile] = useState<File | null>(null);
  const [aheadOfFleet, setAheadOfFleet] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const aheadId = useId();
  const headingId = useId();

  // Focus goes to what the upload answered, so a keyboard or screen reader user hears it first.
  useEffect(() => {
    if (outcome) summary.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setOutcome({ kind: 'error', reason: 'chooseFile' });
    if (file.size === 0) return setOutcome({ kind: 'error', reason: 'emptyFile' });
    setOutcome(null);
    setProgress({ phase: 'reading', fraction: 0 });
    const result = await contentApi.upload(session, file, aheadOfFleet, setProgress).catch(() => ({ ok: false as const, reason: 'unavailable' as const }));
    setProgress(null);
    if (result.ok) {
      setOutcome({ kind: 'published', version: result.version });
      onPublished();
    } else if ('problems' in result) setOutcome({ kind: 'refused', problems: result.problems });
    else setOutcome({ kind: 'error', reason: result.reason === 'too-large' ? 'tooLarge' : result.reason });
  }

  const percent = progress && progress.phase !== 'checking' ? Math.round(progress.fraction * 100) : undefined;
  return (
    <section className="content-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('upload.title')}</h2>
      <p>{t('upload.hint')}</p>
      <form className="upload-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('upload.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".zip,application/zip"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
        </div>
        <div className="check-field">
          <input id={aheadId} type="checkbox" checked={aheadOfFleet} onChange={(event) => setAheadOfFleet(event.target.checked)} />
          <label htmlFor={aheadId}>{t('upload.aheadOfFleet')}</label>
        </div>
        <button type="submit" className="primary" disabled={progress !== null}>
          {t('upload.submit')}
        </button>
      </form>

      <div role="status" className="upload-progress">
        {progress ? (
          <>
            <label className="upload-progress__label">
              <span>
                {progress.phase === 'checking'
                  ? t('upload.checking')
                  : progress.phase === 'reading'
                    ? t('upload.reading', { percent })
                    : t('upload.sending', { percent })}
              </span>
              <progress aria-label={t('upload.progressLabel')} max={100} value={percent} />
            </label>
          </>
        ) : null}
      </div>

      {outcome?.kind === 'published' ? (
        <div ref={summary} tabIndex={-1} className="notice" role="status">
          {t('upload.published', { version: outcome.version })}
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div ref={summary} tabIndex={-1} className="error-summary" role="alert">
          <p>{outcome.reason === 'tooLarge' ? t('upload.tooLarge', { limit: Math.floor(MAX_ZIP_BYTES / 1024 / 1024) }) : t(`upload.${outcome.reason}`)}</p>
        </div>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div ref={summary} tabIndex={-1} className="error-summary" role="alert" aria-labelledby={`${headingId}-refused`}>
          <h3 id={`${headingId}-refused`}>{t('upload.refusedTitle')}</h3>
          <p>{t('upload.refusedCount', { count: outcome.problems.length })}</p>
          <ProblemList problems={outcome.problems} />
        </div>
      ) : null}
    </section>
  );
}
