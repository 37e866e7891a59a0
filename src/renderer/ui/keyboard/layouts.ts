/**
 * On-screen keyboard layouts. Kyrgyz keeps ң ө ү on the base layer (where the Linux `kg` layout
 * puts them: after 0 and beside ъ), so a visitor never hunts for a modifier. The e-mail and
 * document layouts carry everything their answers use on one layer, so an address or a number such
 * as "I-БШ 000123" is typed without switching; no layout has Tab or Alt, which mean nothing here.
 */
export type KeyboardLayoutName = 'ky' | 'ru' | 'lat' | 'numeric' | 'email' | 'document' | 'documentCyrillic';
/** simple-keyboard's shape: layer name → rows of space-separated keys. */
export type KeyboardLayout = Record<string, string[]> & { default: string[] };

export const KEYBOARD_LAYOUTS: Record<KeyboardLayoutName, KeyboardLayout> = {
  ky: {
    default: [
      'ё 1 2 3 4 5 6 7 8 9 0 ө ң {bksp}',
      'й ц у к е н г ш щ з х ъ ү',
      'ф ы в а п р о л д ж э - /',
      '{shift} я ч с м и т ь б ю . {shift}',
      '{space}',
    ],
    shift: [
      'Ё 1 2 3 4 5 6 7 8 9 0 Ө Ң {bksp}',
      'Й Ц У К Е Н Г Ш Щ З Х Ъ Ү',
      'Ф Ы В А П Р О Л Д Ж Э - /',
      '{shift} Я Ч С М И Т Ь Б Ю , {shift}',
      '{space}',
    ],
  },
  ru: {
    default: [
      'ё 1 2 3 4 5 6 7 8 9 0 - {bksp}',
      'й ц у к е н г ш щ з х ъ',
      'ф ы в а п р о л д ж э /',
      '{shift} я ч с м и т ь б ю . {shift}',
      '{space}',
    ],
    shift: [
      'Ё 1 2 3 4 5 6 7 8 9 0 - {bksp}',
      'Й Ц У К Е Н Г Ш Щ З Х Ъ',
      'Ф Ы В А П Р О Л Д Ж Э /',
      '{shift} Я Ч С М И Т Ь Б Ю , {shift}',
      '{space}',
    ],
  },
  lat: {
    default: ["1 2 3 4 5 6 7 8 9 0 - {bksp}", "q w e r t y u i o p '", 'a s d f g h j k l /', '{shift} z x c v b n m . {shift}', '{space}'],
    shift: ["1 2 3 4 5 6 7 8 9 0 - {bksp}", "Q W E R T Y U I O P '", 'A S D F G H J K L /', '{shift} Z X C V B N M , {shift}', '{space}'],
  },
  numeric: { default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0'] },
  /** Lower-case only: addresses are typed as they are spelt, and the domain endings are one tap. */
  email: {
    default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m', '@ . - _ .kg .com'],
  },
  /** Series letters in capitals (ID, AN, AC…), the digits, and the signs people write around numbers. */
  document: {
    default: ['1 2 3 4 5 6 7 8 9 0 {bksp}', 'Q W E R T Y U I O P', 'A S D F G H J K L', 'Z X C V B N M', '№ - / {space}'],
  },
  /** Civil-registry series: a Roman numeral, two Cyrillic capitals, the number ("I-БШ 000123"). */
  documentCyrillic: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 {bksp}',
      'I V X - № / Ё Ъ',
      'Й Ц У К Е Н Г Ш Щ З Х',
      'Ф Ы В А П Р О Л Д Ж Э',
      'Я Ч С М И Т Ь Б Ю {space}',
    ],
  },
};

/** The layout a visitor most likely needs first, from the language they chose. */
export const LAYOUT_FOR_LANGUAGE = { ky: 'ky', ru: 'ru', en: 'lat' } as const satisfies Record<string, KeyboardLayoutName>;

/** The layouts a visitor can switch between: the field's own first, then the alphabets and digits. */
export function switchableLayouts(home: KeyboardLayoutName, allowNumeric: boolean): KeyboardLayoutName[] {
  const general: KeyboardLayoutName[] = allowNumeric ? ['ky', 'ru', 'lat', 'numeric'] : ['ky', 'ru', 'lat'];
  return general.includes(home) ? general : [home, ...general];
}

/** Keys that are signs rather than letters, named for a screen reader in the visitor's language. */
export const NAMED_KEYS = { '@': 'at', '.': 'dot', '-': 'hyphen', _: 'underscore', '/': 'slash', '№': 'numero', "'": 'apostrophe', ',': 'comma' } as const;
