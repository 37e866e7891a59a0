import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedApplication } from '../../shared/contract/applications.js';
import { STATUS_MOVES } from '../../shared/domain/application-status.js';
import type { Language } from '../../shared/domain/languages.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';
import { useApplicationWords } from './application-words.js';
import { MoveDialog } from './MoveDialog.js';

type Answer = OpenedApplication['answers'][number];
/** A change as the view shows it: when, from, to and why (the trail keeps who). */
export type ShownChange = Omit<OpenedApplication['history'][number], 'by'>;
type LeafAnswer = Omit<Answer, 'items'>;

/** What the page says after a move: done, or refused with why and where the application stands now. */
export type MoveNotice = { kind: 'moved'; to: ApplicationStatusName } | { kind: 'refused'; text: string } | null;

interface OpenedApplicationViewProps {
  language: Language;
  opened: OpenedApplication;
  /** The status as the page last learnt it: after a refused move, the one the portal said it has now. */
  status: ApplicationStatusName;
  /** The changes the opening answered, and those made here since. */
  history: readonly ShownChange[];
  moving: boolean;
  notice: MoveNotice;
  onMove: (to: ApplicationStatusName, reasonId: string | null) => Promise<boolean>;
  onClose: () => void;
}

function answerText(answer: LeafAnswer, t: (key: 'opening.notAnswered' | 'opening.yes' | 'opening.no') => string): string {
  if (answer.chosen?.length) return answer.chosen.join(', ');
  const value = answer.answer;
  if (value === null || value === undefined || value === '') return t('opening.notAnswered');
  if (typeof value === 'boolean') return value ? t('opening.yes') : t('opening.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * One opened application: its metadata, the visitor's answers under the form's questions in the
 * officer's language, its status history, and the moves the workflow allows from where it stands.
 * The answers live only in this component's props: closing it drops them.
 */
export function OpenedApplicationView({ language, opened, status, history, moving, notice, onMove, onClose }: OpenedApplicationViewProps) {
  const { t } = useTranslation('applications');
  const { statusName, moveName, time } = useApplicationWords();
  const [moveTo, setMoveTo] = useState<ApplicationStatusName | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { application } = opened;
  const say = (key: 'opening.notAnswered' | 'opening.yes' | 'opening.no') => t(key);

  useEffect(() => heading.current?.focus(), []);

  const leaf = (answer: LeafAnswer) => (
    <div key={answer.fieldId} className="opened__answer">
      <dt>{answer.question}</dt>
      <dd>{answerText(answer, say)}</dd>
    </div>
  );

  return (
    <section className="opened" aria-labelledby="opened-title">
      <h2 id="opened-title" ref={heading} tabIndex={-1}>
        {t('opening.title', { receipt: application.receiptNumber })}
      </h2>
      <p className="notice">{t('opening.recorded')}</p>
      <dl className="opened__facts">
        <div>
          <dt>{t('list.columns.status')}</dt>
          <dd data-status={status}>{statusName(status)}</dd>
        </div>
        <div>
          <dt>{t('list.columns.kiosk')}</dt>
          <dd>{application.kioskCode}</dd>
        </div>
        <div>
          <dt>{t('list.columns.clerk')}</dt>
          <dd>{application.assistedBy ?? t('list.notAssisted')}</dd>
        </div>
        <div>
          <dt>{t('list.columns.time')}</dt>
          <dd>{time(application.createdAt)}</dd>
        </div>
      </dl>

      <h3>{t('opening.answers')}</h3>
      <dl className="opened__answers">
        {opened.answers.map((answer) =>
          answer.items ? (
            <div key={answer.fieldId} className="opened__answer">
              <dt>{answer.question}</dt>
              <dd>
                {answer.items.length === 0 ? (
                  t('opening.notAnswered')
                ) : (
                  <ol>
                    {answer.items.map((item, index) => (
                      <li key={index}>
                        <dl>{item.map(leaf)}</dl>
                      </li>
                    ))}
                  </ol>
                )}
              </dd>
            </div>
          ) : (
            leaf(answer)
          ),
        )}
      </dl>

      <h3>{t('opening.history')}</h3>
      {history.length === 0 ? (
        <p>{t('opening.noHistory')}</p>
      ) : (
        <ol className="opened__history">
          {history.map((change, index) => (
            <li key={index}>
              {t('opening.change', { at: time(change.at), from: statusName(change.from), to: statusName(change.to) })}
              {change.reasonId && <> ({opened.reasons.find((reason) => reason.id === change.reasonId)?.text[language] ?? change.reasonId})</>}
            </li>
          ))}
        </ol>
      )}

      <h3>{t('move.title')}</h3>
      <p className="opened__notice" role="status">
        {notice?.kind === 'moved' ? t('move.moved', { status: statusName(notice.to) }) : notice?.kind === 'refused' ? notice.text : ''}
      </p>
      {STATUS_MOVES[status].length === 0 ? (
        <p>{t('move.final')}</p>
      ) : (
        <div className="opened__moves">
          {STATUS_MOVES[status].map((to) => (
            <button key={to} type="button" disabled={moving} onClick={() => setMoveTo(to)}>
              {moveName(to)}
            </button>
          ))}
        </div>
      )}
      <p>
        <button type="button" className="primary" onClick={onClose}>
          {t('opening.close')}
        </button>
      </p>
      {moveTo && (
        <MoveDialog
          language={language}
          visitorLanguage={application.language}
          receiptNumber={application.receiptNumber}
          from={status}
          to={moveTo}
          reasons={opened.reasons}
          busy={moving}
          onCancel={() => setMoveTo(null)}
          onConfirm={(reasonId) => {
            void onMove(moveTo, reasonId).then(() => setMoveTo(null));
          }}
        />
      )}
    </section>
  );
}
