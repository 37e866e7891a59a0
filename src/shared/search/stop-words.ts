/**
 * Words that carry no meaning for finding a service: prepositions, conjunctions and articles in
 * Russian, Kyrgyz and English, folded as the search folds them. A query of "справка о смерти"
 * should not require every service to hold "о". A query made only of them is searched as typed.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Russian
  'в', 'во', 'на', 'о', 'об', 'обо', 'за', 'для', 'по', 'с', 'со', 'к', 'ко', 'из', 'у', 'от', 'до', 'и', 'или', 'а', 'не', 'как', 'мне', 'я', 'мой', 'моя', 'мое', 'получить', 'нужно', 'нужен', 'нужна', 'надо', 'хочу',
  // Kyrgyz (folded)
  'жана', 'же', 'менен', 'алуу', 'учун', 'боюнча', 'тууралуу', 'жонундо', 'мен', 'керек', 'келет',
  // English
  'a', 'an', 'the', 'of', 'for', 'to', 'at', 'in', 'on', 'my', 'i', 'and', 'or', 'need', 'want', 'how', 'get',
]);
