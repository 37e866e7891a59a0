import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { KEYBOARD_LAYOUTS, type KeyboardLayoutName } from './layouts.js';

interface OnScreenKeyboardProps {
  layout: KeyboardLayoutName;
  onLayoutChange: (layout: KeyboardLayoutName) => void;
  /** Applies one key to the field's value; the field keeps the value, not the keyboard. */
  onKey: (key: string) => void;
  onClose: () => void;
  /** Offer the digit pad among the layouts (form fields), not only the letters (search). */
  allowNumeric?: boolean;
}

/**
 * The touch keyboard that slides up from the bottom for the focused field: simple-keyboard draws
 * the keys; the field's owner applies them, so a physical keyboard and this one edit the same value.
 */
export function OnScreenKeyboard({ layout, onLayoutChange, onKey, onClose, allowNumeric }: OnScreenKeyboardProps) {
  const switchable: KeyboardLayoutName[] = allowNumeric ? ['ky', 'ru', 'lat', 'numeric'] : ['ky', 'ru', 'lat'];
  const { t } = useTranslation();
  const [shifted, setShifted] = useState(false);

  const press = (button: string) => {
    if (button === '{shift}') return setShifted((value) => !value);
    if (button === '{bksp}') onKey('Backspace');
    else if (button === '{space}') onKey(' ');
    else if (!button.startsWith('{')) onKey(button);
    if (shifted) setShifted(false);
  };

  return (
    <div className="on-screen-keyboard" role="group" aria-label={t('common:keyboard.label')} data-keyboard-layout={layout}>
      <div className="keyboard-toolbar">
        <div className="keyboard-layouts" role="radiogroup" aria-label={t('common:keyboard.layouts')}>
          {switchable.map((name) => (
            <button
              key={name}
              type="button"
              role="radio"
              aria-checked={name === layout}
              className={`button keyboard-layout${name === layout ? ' selected' : ''}`}
              onClick={() => onLayoutChange(name)}
            >
              {name === layout && <span aria-hidden="true">✓ </span>}
              {t(`common:keyboard.layout.${name}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button secondary keyboard-close" onClick={onClose}>
          {t('common:keyboard.close')}
        </button>
      </div>
      <Keyboard
        layout={KEYBOARD_LAYOUTS[layout]}
        layoutName={shifted && KEYBOARD_LAYOUTS[layout].shift ? 'shift' : 'default'}
        onKeyPress={press}
        display={{ '{bksp}': `⌫ ${t('common:keyboard.backspace')}`, '{shift}': `⇧ ${t('common:keyboard.shift')}`, '{space}': t('common:keyboard.space') }}
        mergeDisplay
        physicalKeyboardHighlight={false}
        preventMouseDownDefault
        disableButtonHold
        theme="hg-theme-default kiosk-keyboard"
      />
    </div>
  );
}
