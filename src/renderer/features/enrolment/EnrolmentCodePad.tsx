import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';

/**
 * The keys an enrolment code can hold and nothing else: the digits and the receipt alphabet's
 * letters (no I, L, O or U) in the order of a familiar keyboard, laid in the page like the staff
 * sign-in's digit pad.
 */
const CODE_LAYOUT = {
  default: ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y P', 'A S D F G H J K', 'Z X C V B N M {bksp}'],
};

export function EnrolmentCodePad({ onKey, label }: { onKey: (key: string) => void; label: string }) {
  const { t } = useTranslation();
  const press = (button: string) => {
    if (button === '{bksp}') onKey('Backspace');
    else if (/^[0-9A-Z]$/.test(button)) onKey(button);
  };
  return (
    <div className="enrolment-code-pad" role="group" aria-label={label}>
      <Keyboard
        layout={CODE_LAYOUT}
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
