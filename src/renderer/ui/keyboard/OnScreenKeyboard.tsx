import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import { KEYBOARD_LAYOUTS, NAMED_KEYS, switchableLayouts, type KeyboardLayoutName } from './layouts.js';

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
 * the keys as real buttons; the field's owner applies them, so a physical keyboard and this one
 * edit the same value.
 */
export function OnScreenKeyboard({ layout, onLayoutChange, onKey, onClose, allowNumeric }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const [shifted, setShifted] = useState(false);
  const home = useHomeLayout(layout, onLayoutChange);

  const press = (button: string) => {
    if (button === '{shift}') return setShifted((value) => !value);
    if (button === '{bksp}') onKey('Backspace');
    else if (button === '{space}') onKey(' ');
    else if (!button.startsWith('{')) onKey(button);
    if (shifted) setShifted(false);
  };
  const keys = KEYBOARD_LAYOUTS[layout];
  const signs = Object.entries(NAMED_KEYS).map(([key, name]) => ({ attribute: 'aria-label', value: t(`application:keyboard.keys.${name}`), buttons: key }));
  return (
    <div className="on-screen-keyboard" role="group" aria-label={t('common:keyboard.label')} data-keyboard-layout={layout}>
      <div className="keyboard-toolbar">
        <div className="keyboard-layouts" role="radiogroup" aria-label={t('common:keyboard.layouts')}>
          {switchableLayouts(home.name, Boolean(allowNumeric)).map((name) => (
            <button
              key={name}
              type="button"
              role="radio"
              aria-checked={name === layout}
              data-layout={name}
              className={`button keyboard-layout${name === layout ? ' selected' : ''}`}
              onClick={() => home.choose(name)}
            >
              {name === layout && <span aria-hidden="true">✓ </span>}
              {layoutLabel(t, name)}
            </button>
          ))}
        </div>
        <button type="button" className="button secondary keyboard-close" onClick={onClose}>
          {t('common:keyboard.close')}
        </button>
      </div>
      <Keyboard
        layout={keys}
        layoutName={shifted && keys.shift ? 'shift' : 'default'}
        onKeyPress={press}
        display={{ '{bksp}': `⌫ ${t('common:keyboard.backspace')}`, '{shift}': `⇧ ${t('common:keyboard.shift')}`, '{space}': t('common:keyboard.space') }}
        mergeDisplay
        useButtonTag
        buttonAttributes={[{ attribute: 'type', value: 'button' }, ...signs]}
        physicalKeyboardHighlight={false}
        preventMouseDownDefault
        disableButtonHold
        theme="hg-theme-default kiosk-keyboard"
      />
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function layoutLabel(t: Translate, name: KeyboardLayoutName): string {
  switch (name) {
    case 'email':
    case 'document':
    case 'documentCyrillic':
      return t(`application:keyboard.layout.${name}`);
    default:
      return t(`common:keyboard.layout.${name}`);
  }
}

/**
 * The layout the current field opened with, so its own layout stays on offer after the visitor
 * switches to digits and back; a layout that arrives without being chosen here is a new field's.
 */
function useHomeLayout(layout: KeyboardLayoutName, onLayoutChange: (layout: KeyboardLayoutName) => void) {
  const requestedRef = useRef<KeyboardLayoutName | null>(null);
  const [name, setName] = useState(layout);
  useEffect(() => {
    if (layout !== requestedRef.current) setName(layout);
    requestedRef.current = null;
  }, [layout]);
  const choose = (next: KeyboardLayoutName) => {
    requestedRef.current = next;
    onLayoutChange(next);
  };
  return { name, choose };
}
