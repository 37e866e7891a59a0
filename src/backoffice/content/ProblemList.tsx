import { useTranslation } from 'react-i18next';
import type { PackageProblem } from '../../shared/contract/content-rollout.js';
import { COUNTED_KINDS } from '../../shared/content/content-meaning.js';

/** What the portal found wrong in a package, each with the file and the place in it, in the desk's language. */
export function ProblemList({ problems }: { problems: readonly PackageProblem[] }) {
  const { t } = useTranslation('content');
  return (
    <ol className="problem-list">
      {problems.map((problem, index) => (
        <li key={index} className="problem-list__item">
          <p className="problem-list__where">
            <code>{problem.path ? t('upload.where', { file: problem.file, path: problem.path }) : problem.file ? t('upload.whereFile', { file: problem.file }) : t('upload.wholeUpload')}</code>
            {problem.source ? <span> {t('upload.source', { source: problem.source })}</span> : null}
          </p>
          <p className="problem-list__what">
            <ProblemText problem={problem} />
          </p>
          {problem.rule ? null : (
            // The check's own English sentence, for the detail no translation names (a schema issue, a size).
            <p className="problem-list__detail">
              {t('upload.detail')} <span lang="en">{problem.message}</span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function ProblemText({ problem }: { problem: PackageProblem }) {
  const { t } = useTranslation('content');
  if (!problem.rule) return <>{t(`problem.${problem.code}`, problem.values)}</>;
  const values = problem.values;
  if (problem.rule === 'TOO_MANY') {
    const kind = COUNTED_KINDS.find((candidate) => candidate === values.what);
    const what = kind ? t(`meaning.counted.${kind}`, { category: String(values.category ?? '') }) : String(values.what ?? '');
    return <>{t('meaning.TOO_MANY', { ...values, what })}</>;
  }
  return <>{t(`meaning.${problem.rule}`, values)}</>;
}
