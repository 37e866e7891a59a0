import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { KEYBOARD_LAYOUTS } from '../../ui/keyboard/layouts.js';

/**
 * The on-screen keyboard's digit layout, the one its number fields open, laid in the page rather
 * than sliding up: staff ids, card numbers and PINs are digits only, so there is nothing to switch to.
 */
export function DigitPad({ onKey, label }: { onKey: (key: string) => void; label: string }) {
  const { t } = useTranslation();
  const press = (button: string) => {
    if (button === '{bksp}') onKey('Backspace');
    else if (/^\d$/.test(button)) onKey(button);
  };
  return (
    <div className="staff-digit-pad" role="group" aria-label={label}>
      <Keyboard
        layout={KEYBOARD_LAYOUTS.numeric}
        onKeyPress={press}
        display={{ '{bksp}': `⌫ ${t('common:keyboard.backspace')}` }}
        mergeDisplay
        useButtonTag
        buttonAttributes={[{ attribute: 'type', value: 'button' }]}
        physicalKeyboardHighlight={false}
        preventMouseDownDefault
        disableButtonHold
        theme="hg-theme-default kiosk-keyboard"
      />
    </div>
  );
}
