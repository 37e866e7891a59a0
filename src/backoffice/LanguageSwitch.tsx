import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../shared/domain/languages.js';

/** Three buttons, each language named in itself, the current one pressed. */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const names = { ky: t('language.ky'), ru: t('language.ru'), en: t('language.en') } satisfies Record<Language, string>;
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((candidate) => (
        <button key={candidate} type="button" lang={candidate} aria-pressed={candidate === language} onClick={() => onChange(candidate)}>
          {names[candidate]}
        </button>
      ))}
    </div>
  );
}
