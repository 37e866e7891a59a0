import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';

/** Bottom bar of the catalogue screens: Back at the bottom left (language and Exit are in the top bar). */
export function NavBar() {
  const { t } = useTranslation();
  const goBack = useKioskStore((state) => state.goBack);
  return (
    <nav className="screen-actions" aria-label={t('common:nav.label')}>
      <button type="button" className="button secondary" onClick={goBack}>
        <span aria-hidden="true">← </span>
        {t('common:nav.back')}
      </button>
    </nav>
  );
}
