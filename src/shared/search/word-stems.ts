/**
 * A light suffix-stripping stemmer for Russian, Kyrgyz and English search words.
 *
 * Visitors type words with the endings their sentence needs: "паспортумду" (my passport, as an
 * object), "паспорта", "прописаться", "registered". The catalogue holds other forms of the same
 * words. Both sides are cut back to stems by the same rules, and two words meet when they share
 * one. The language of a single word is not known, and Russian and Kyrgyz share the Cyrillic
 * alphabet, so the endings of both are tried; an ending can be read two ways ("паспорта" is
 * паспорт + Russian -а, "паспортта" is паспорт + Kyrgyz -та), so a word has every stem its
 * readings give, not one. Kyrgyz stacks endings (plural, possessive, case), so a few are cut.
 *
 * Works on folded words (lower case, ө ү ң ё already folded to о у н е). Pure TypeScript without
 * imports, so it runs the same in the host and in the renderer.
 */

/** A stem shorter than this says too little: "уй" would meet every word starting with it. */
export const MIN_STEM_LENGTH = 3;
/** Kyrgyz stacks at most plural + possessive + case on a noun; a fourth cut would eat the root. */
const MAX_CYRILLIC_ROUNDS = 3;

/** Folded Kyrgyz endings: case, possessive, plural, and the verb forms visitors type most. */
const KYRGYZ_ENDINGS = [
  // genitive, accusative, dative, locative, ablative (ү ө folded to у о)
  'дын', 'дин', 'дун', 'тын', 'тин', 'тун', 'нын', 'нин', 'нун',
  'ды', 'ди', 'ду', 'ты', 'ти', 'ту', 'ны', 'ни', 'ну',
  'га', 'ге', 'го', 'ка', 'ке', 'ко',
  'да', 'де', 'до', 'та', 'те', 'то',
  'дан', 'ден', 'дон', 'тан', 'тен', 'тон', 'нан', 'нен', 'нон',
  // possessive: my, your, his/her, our
  'ым', 'им', 'ум', 'ын', 'ин', 'ун', 'сы', 'си', 'су', 'сын', 'син', 'сун', 'мыз', 'миз', 'муз',
  // plural
  'лар', 'лер', 'лор', 'дар', 'дер', 'дор', 'тар', 'тер', 'тор',
  // verbal noun (-уу, -үү, -оо, -өө) and past participle
  'уу', 'оо', 'ган', 'ген', 'гон', 'кан', 'кен', 'кон',
];

/** Russian noun, adjective and verb endings. */
const RUSSIAN_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ых', 'их',
  'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю',
  'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ия', 'ья',
  'ться', 'тся', 'ать', 'ять', 'ить', 'еть', 'уть', 'ла', 'ли', 'ло', 'л',
  'ет', 'ут', 'ют', 'ит', 'ат', 'ят',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь',
];

const ENGLISH_ENDINGS = ['ing', 'ed', 'es', 's'];

const distinct = (endings: readonly string[]): string[] => [...new Set(endings)];

const KYRGYZ_STACKING_ENDINGS = distinct(KYRGYZ_ENDINGS);
/** Russian endings that are not also Kyrgyz ones; the shared ones are cut as Kyrgyz, and may stack. */
const RUSSIAN_ONLY_ENDINGS = distinct(RUSSIAN_ENDINGS).filter((ending) => !KYRGYZ_STACKING_ENDINGS.includes(ending));
const LATIN_ENDINGS = distinct(ENGLISH_ENDINGS);

const STARTS_CYRILLIC = /^[\u0400-\u04ff]/;
const STARTS_LATIN = /^[a-z]/;

/** The words left by cutting one of the endings, each leaving at least MIN_STEM_LENGTH letters. */
function cutEndings(word: string, endings: readonly string[]): string[] {
  const stems: string[] = [];
  for (const ending of endings) {
    if (word.length - ending.length >= MIN_STEM_LENGTH && word.endsWith(ending)) stems.push(word.slice(0, -ending.length));
  }
  return stems;
}

/**
 * The word itself and its stems: every reading of its ending cut off. Kyrgyz endings stack, so
 * after one is cut more may be; a Russian ending is the last thing cut, since Russian endings do
 * not stack and no Kyrgyz ending follows them: cutting on after "-о" would carry "каттоо"
 * (registration) down to "кат" (letter), and "жашаган" (lived) to "жаш" (age). Words of other
 * scripts, numbers and short words are their own only stem.
 */
export function wordStems(word: string): string[] {
  const stems = new Set([word]);
  if (STARTS_CYRILLIC.test(word)) {
    for (const stem of cutEndings(word, RUSSIAN_ONLY_ENDINGS)) stems.add(stem);
    let frontier = cutEndings(word, KYRGYZ_STACKING_ENDINGS);
    for (let round = 1; frontier.length > 0; round++) {
      for (const stem of frontier) stems.add(stem);
      if (round === MAX_CYRILLIC_ROUNDS) break;
      frontier = frontier.flatMap((stem) => cutEndings(stem, KYRGYZ_STACKING_ENDINGS)).filter((stem) => !stems.has(stem));
    }
  } else if (STARTS_LATIN.test(word)) {
    for (const stem of cutEndings(word, LATIN_ENDINGS)) stems.add(stem);
  }
  return [...stems];
}

/** Whether two folded words may be forms of one word: they share a stem. */
export function shareStem(a: string, b: string): boolean {
  const stemsOfA = wordStems(a);
  return wordStems(b).some((stem) => stemsOfA.includes(stem));
}
