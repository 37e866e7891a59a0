import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_PAGE_SIZE, type ApplicationCursor, type ApplicationPage, type OpenedApplication } from '../../shared/contract/applications.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';
import { applicationsApi, type CallRefusal } from '../api/applications-api.js';
import { ApplicationList, NO_FILTER, searchOf, type FilterInput } from '../applications/ApplicationList.js';
import { useApplicationWords } from '../applications/application-words.js';
import { OpenedApplicationView, type MoveNotice, type ShownChange } from '../applications/OpenedApplicationView.js';
import '../styles/applications.css';
import type { SectionPageProps } from './section-page.js';

type Opened = { opened: OpenedApplication; status: ApplicationStatusName; history: ShownChange[] };

/**
 * The applications section: the list with its filters and keyset pages, one application opened
 * at a time (its answers kept only in this page's state, dropped on close), and its status moves.
 * Where each page starts is kept as a stack of cursors, so Previous page is the page seen before
 * even while new applications arrive.
 */
export function ApplicationsPage({ session, language }: SectionPageProps) {
  const { t } = useTranslation('applications');
  const words = useApplicationWords();
  const [filters, setFilters] = useState<FilterInput>(NO_FILTER);
  const [starts, setStarts] = useState<(ApplicationCursor | null)[]>([null]);
  const [listed, setListed] = useState<{ key: string; page: ApplicationPage | null; problem: string | null } | null>(null);
  const [reloads, setReloads] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState(false);
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState<MoveNotice>(null);

  const refusalText = useCallback((refusal: CallRefusal) => (refusal.reason === 'session-ended' ? t('errors.sessionEnded') : t('errors.unavailable')), [t]);

  const currentStart = starts[starts.length - 1] ?? null;
  // The list shown answers this key; until it does, the page says it is loading.
  const wanted = JSON.stringify({ filters, currentStart, reloads });
  const loading = listed?.key !== wanted;
  const page = listed?.page ?? null;

  useEffect(() => {
    const made = searchOf(filters);
    if (!made.ok) return;
    let current = true;
    void applicationsApi.search(session, { ...made.search, limit: APPLICATION_PAGE_SIZE, ...(currentStart ? { after: currentStart } : {}) }).then((result) => {
      // An answer to a search the officer has since replaced is dropped.
      if (!current) return;
      setListed((before) => (result.ok ? { key: wanted, page: result.page, problem: null } : { key: wanted, page: before?.page ?? null, problem: refusalText(result.refusal) }));
    });
    return () => {
      current = false;
    };
  }, [session, filters, currentStart, wanted, refusalText]);

  const open = async (id: string) => {
    setOpening(true);
    setProblem(null);
    setNotice(null);
    const result = await applicationsApi.open(session, id, language);
    setOpening(false);
    if (result.ok) {
      setOpened({ opened: result.opened, status: result.opened.application.status, history: result.opened.history });
      return;
    }
    const { refusal } = result;
    if (refusal.reason === 'cannot-open') setProblem(words.cannotOpen(refusal.why, refusal.purgedAt));
    else if (refusal.reason === 'not-found') setProblem(t('errors.notFound'));
    else setProblem(refusalText(refusal));
  };

  const move = async (to: ApplicationStatusName, reasonId: string | null): Promise<boolean> => {
    if (!opened) return false;
    setMoving(true);
    const result = await applicationsApi.move(session, opened.opened.application.receiptNumber, { to, reasonId, expected: opened.status });
    setMoving(false);
    if (result.ok) {
      setOpened({ ...opened, status: result.status, history: [...opened.history, { at: new Date().toISOString(), from: opened.status, to: result.status, reasonId }] });
      setNotice({ kind: 'moved', to: result.status });
      return true;
    }
    const { refusal } = result;
    if (refusal.reason === 'refused') {
      // Another officer moved it meanwhile: the page shows where it stands now and offers the moves from there.
      setOpened({ ...opened, status: refusal.current });
      setNotice({ kind: 'refused', text: words.moveRefusal(refusal.why, refusal.current) });
    } else {
      setNotice({ kind: 'refused', text: refusal.reason === 'not-found' ? t('errors.notFound') : refusalText(refusal) });
    }
    return false;
  };

  if (opened) {
    return (
      <OpenedApplicationView
        language={language}
        opened={opened.opened}
        status={opened.status}
        history={opened.history}
        moving={moving}
        notice={notice}
        onMove={move}
        onClose={() => {
          setOpened(null);
          setNotice(null);
          // The list shows the status as it stands after any move.
          setReloads(reloads + 1);
        }}
      />
    );
  }

  return (
    <>
      <p className="error" role="alert">
        {problem ?? listed?.problem ?? ''}
      </p>
      {opening && (
        <p className="notice" role="status">
          {t('opening.opening')}
        </p>
      )}
      <ApplicationList
        language={language}
        page={page}
        loading={loading || opening}
        pageNumber={starts.length}
        filters={filters}
        onSearch={(next) => {
          setFilters(next);
          setStarts([null]);
        }}
        onNext={() => {
          if (page?.next) setStarts([...starts, page.next]);
        }}
        onPrevious={() => setStarts(starts.slice(0, -1))}
        onOpen={(id) => void open(id)}
      />
    </>
  );
}
