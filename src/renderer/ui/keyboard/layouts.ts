/**
 * On-screen keyboard layouts. Kyrgyz keeps ң ө ү on the base layer (where the Linux `kg` layout
 * puts them: after 0 and beside ъ), so a visitor never hunts for a modifier; no layout has Tab,
 * Alt or ".com", which mean nothing at a kiosk.
 */
export type KeyboardLayoutName = 'ky' | 'ru' | 'lat' | 'numeric';
/** simple-keyboard's shape: layer name → rows of space-separated keys. */
export type KeyboardLayout = Record<string, string[]> & { default: string[] };

export const KEYBOARD_LAYOUTS: Record<KeyboardLayoutName, KeyboardLayout> = {
  ky: {
    default: [
      'ё 1 2 3 4 5 6 7 8 9 0 ө ң {bksp}',
      'й ц у к е н г ш щ з х ъ ү',
      'ф ы в а п р о л д ж э -',
      '{shift} я ч с м и т ь б ю . {shift}',
      '{space}',
    ],
    shift: [
      'Ё 1 2 3 4 5 6 7 8 9 0 Ө Ң {bksp}',
      'Й Ц У К Е Н Г Ш Щ З Х Ъ Ү',
      'Ф Ы В А П Р О Л Д Ж Э -',
      '{shift} Я Ч С М И Т Ь Б Ю , {shift}',
      '{space}',
    ],
  },
  ru: {
    default: [
      'ё 1 2 3 4 5 6 7 8 9 0 - {bksp}',
      'й ц у к е н г ш щ з х ъ',
      'ф ы в а п р о л д ж э',
      '{shift} я ч с м и т ь б ю . {shift}',
      '{space}',
    ],
    shift: [
      'Ё 1 2 3 4 5 6 7 8 9 0 - {bksp}',
      'Й Ц У К Е Н Г Ш Щ З Х Ъ',
      'Ф Ы В А П Р О Л Д Ж Э',
      '{shift} Я Ч С М И Т Ь Б Ю , {shift}',
      '{space}',
    ],
  },
  lat: {
    default: ['1 2 3 4 5 6 7 8 9 0 - {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m . {shift}', '{space}'],
    shift: ['1 2 3 4 5 6 7 8 9 0 - {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M , {shift}', '{space}'],
  },
  numeric: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0'] },
};

/** The layout a visitor most likely needs first, from the language they chose. */
export const LAYOUT_FOR_LANGUAGE = { ky: 'ky', ru: 'ru', en: 'lat' } as const satisfies Record<string, KeyboardLayoutName>;
