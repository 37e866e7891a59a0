import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { HelpButton } from '../help/HelpButton.js';
import { wipeVisit } from './wipe.js';

/**
 * The bar at the top of every visit screen: language, Help, larger text and high contrast (both last
 * for the visit only) and Exit, always in the same place.
 */
export function VisitBar() {
  const { t } = useTranslation();
  const changeLanguage = useKioskStore((state) => state.changeLanguage);
  const requestExit = useKioskStore((state) => state.requestExit);
  const screen = useKioskStore((state) => state.screen);
  return (
    <div className="visit-bar">
      <div className="visit-bar-start">
        {screen !== 'language' && (
          <button type="button" className="button secondary aid" onClick={changeLanguage}>
            {t('common:nav.changeLanguage')}
          </button>
        )}
        <HelpButton />
      </div>
      <div className="visit-bar-end">
        <ReadingAids />
        <button type="button" className="button exit aid" onClick={requestExit}>
          {t('common:nav.exit')}
        </button>
      </div>
    </div>
  );
}

function ReadingAids() {
  const { t } = useTranslation();
  const largeText = useKioskStore((state) => state.largeText);
  const highContrast = useKioskStore((state) => state.highContrast);
  const toggleLargeText = useKioskStore((state) => state.toggleLargeText);
  const toggleHighContrast = useKioskStore((state) => state.toggleHighContrast);
  return (
    <div className="reading-aids" role="group" aria-label={t('common:aids.label')}>
      <button type="button" className="button secondary aid" aria-pressed={largeText} onClick={toggleLargeText}>
        <span className="aid-icon" aria-hidden="true">A+ </span>
        {t('common:aids.largeText')}
      </button>
      <button type="button" className="button secondary aid" aria-pressed={highContrast} onClick={toggleHighContrast}>
        <span className="aid-icon" aria-hidden="true">◐ </span>
        {t('common:aids.highContrast')}
      </button>
    </div>
  );
}

/** "Are you sure?" before Exit wipes the visit. */
export function ExitDialog() {
  const { t } = useTranslation();
  const confirming = useKioskStore((state) => state.confirmingExit);
  const cancelExit = useKioskStore((state) => state.cancelExit);
  if (!confirming) return null;
  return (
    <ConfirmDialog
      id="exit"
      title={t('common:exit.title')}
      text={t('common:exit.text')}
      stayLabel={t('common:exit.stay')}
      confirmLabel={t('common:exit.confirm')}
      confirmKind="exit"
      onStay={cancelExit}
      onConfirm={wipeVisit}
    />
  );
}
