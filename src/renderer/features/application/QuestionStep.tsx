import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateWithinBudget } from './form-budget.js';
import type { AnswerValue, FormField } from '../../../shared/forms/form-schema.js';
import { OnScreenKeyboard } from '../../ui/keyboard/OnScreenKeyboard.js';
import type { KeyboardLayoutName } from '../../ui/keyboard/layouts.js';
import { today, type ApplicationInProgress } from '../../state/application-slice.js';
import { useKioskStore } from '../../state/store.js';
import { fieldElementId, readPath, textOf, writePath } from './answer-paths.js';
import { distinctIssues, errorSummaryEntries } from './error-summary.js';
import { FieldInput } from './FieldInput.js';
import { applyKey, dateForDisplay, dateFromTyped, layoutForField } from './keyboard-target.js';

interface KeyboardTarget {
  path: string;
  field: FormField;
  layout: KeyboardLayoutName;
}

/**
 * One screen of the form: the question as the heading, hint, error above the input, Continue
 * bottom right. Rendered with the page id as its key, so each page starts with the keyboard closed.
 */
export function QuestionStep({ application, serviceTitle }: { application: ApplicationInProgress; serviceTitle: string }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const setAnswer = useKioskStore((state) => state.setAnswer);
  const continueFromPage = useKioskStore((state) => state.continueFromPage);
  const backFromPage = useKioskStore((state) => state.backFromPage);
  const [target, setTarget] = useState<KeyboardTarget>();
  const summary = useRef<HTMLDivElement>(null);
  const form = application.started!.form;
  const page = form.pages.find((candidate) => candidate.id === application.pageId)!;
  const state = useMemo(() => evaluateWithinBudget(form, application.answers, { today: today() }), [form, application.answers]);
  // From the evaluation above: evaluating the form a second time on every key tap doubled its cost.
  const pages = state.visiblePageIds;
  const step = pages.indexOf(page.id) + 1;
  const visibleFields = page.fields.filter((field) => state.visibleFieldPaths.includes(field.id));
  const shown = application.shownIssues;
  // Warnings (a PIN whose date differs from the birth date) show at once; errors after Continue.
  const warnings = state.issues.filter((issue) => issue.severity === 'warning' && issue.pageId === page.id);

  // The keyboard covers the lower part of the screen: bring the field it types into above it.
  const targetPath = target?.path;
  useEffect(() => {
    if (targetPath) document.getElementById(fieldElementId(targetPath))?.scrollIntoView({ block: 'center' });
  }, [targetPath]);

  const refusedContinues = application.refusedContinues;
  useEffect(() => {
    if (refusedContinues > 0) summary.current?.focus();
  }, [refusedContinues]);

  const change = (path: string, value: AnswerValue, field?: FormField) => {
    const stored = field?.type === 'date' && typeof value === 'string' ? dateFromTyped(value) : value;
    const { fieldId, value: next } = writePath(useKioskStore.getState().application?.answers ?? {}, path, stored);
    setAnswer(fieldId, next);
  };

  const focusText = (path: string, field: FormField, part?: string) =>
    setTarget((current) => (current?.path === path ? current : { path, field, layout: layoutForField(field, language, part) }));

  const pressKey = (key: string) => {
    if (!target) return;
    const answers = useKioskStore.getState().application?.answers ?? {};
    const current = textOf(readPath(answers, target.path));
    const shownValue = target.field.type === 'date' ? dateForDisplay(current) : current;
    change(target.path, applyKey(shownValue, key, target.field), target.field);
    document.getElementById(fieldElementId(target.path))?.focus();
  };

  return (
    <main className={`screen question${target ? ' with-keyboard' : ''}`} data-screen="question" data-page-id={page.id}>
      <p className="form-context">
        <span className="form-service">{serviceTitle}</span>
        <span className="form-progress">{t('application:form.progress', { step, total: pages.length })}</span>
      </p>
      {shown.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">
            <span aria-hidden="true">⚠ </span>
            {t('application:form.errorSummary')}
          </h2>
          <ul>
            {errorSummaryEntries(form, shown, language, t).map((entry) => (
              <li key={entry.key}>
                <a
                  href={`#${fieldElementId(entry.path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldElementId(entry.path))?.focus();
                  }}
                >
                  {entry.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {page.title && <h1 className="page-title">{page.title[language]}</h1>}
      <div className="screen-body form-fields">
        {visibleFields.map((field) => (
          <FieldInput
            key={field.id}
            field={field}
            path={field.id}
            answers={application.answers}
            calculated={state.calculated}
            issues={distinctIssues([...shown, ...warnings], language, t)}
            language={language}
            focusedPath={target?.path}
            onFocusText={focusText}
            onChange={(path, value) => change(path, value, findField(field, path))}
            asHeading={!page.title && visibleFields.length === 1}
          />
        ))}
      </div>
      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={backFromPage}>
          <span aria-hidden="true">← </span>
          {t('common:nav.back')}
        </button>
        <button type="button" className="button primary" onClick={continueFromPage}>
          {t('application:form.continue')}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      {target && (
        <OnScreenKeyboard
          layout={target.layout}
          onLayoutChange={(layout) => setTarget({ ...target, layout })}
          onKey={pressKey}
          onClose={() => setTarget(undefined)}
          allowNumeric
        />
      )}
    </main>
  );
}

/** The field a path points into: the field itself, or a repeat group's child for "group.0.child". */
function findField(field: FormField, path: string): FormField {
  const [, , childId] = path.split('.');
  if (field.type === 'repeatGroup' && childId) return field.fields.find((child) => child.id === childId) ?? field;
  return field;
}
