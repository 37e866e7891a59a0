import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/domain/languages.js';
import { useKioskStore } from '../../state/store.js';

/** Three equal buttons, each language named in itself. */
export function LanguageScreen() {
  const chooseLanguage = useKioskStore((state) => state.chooseLanguage);
  const goBack = useKioskStore((state) => state.goBack);
  const { i18n } = useTranslation();

  return (
    <main className="screen language" data-screen="language">
      <h1 className="language-heading">
        {LANGUAGES.map((language) => (
          <span key={language} lang={language}>
            {i18n.getFixedT(language)('common:language.heading')}
          </span>
        ))}
      </h1>
      <div className="language-choices">
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="button language-choice"
            onClick={() => chooseLanguage(language)}
          >
            {i18n.getFixedT(language)('common:language.ownName')}
          </button>
        ))}
      </div>
      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={goBack}>
          {LANGUAGES.map((language) => i18n.getFixedT(language)('common:nav.back')).join(' · ')}
        </button>
      </nav>
    </main>
  );
}
