/**
 * Search over the catalogue of public services, for a touch screen.
 *
 * Visitors type in Kyrgyz, Russian or English on an on-screen keyboard. Many cannot find ң, ө, ү,
 * some type Russian in Latin letters, most make the odd typo, and results should appear while they
 * are still typing. So a query is folded the same way as the catalogue text, every query word is a
 * prefix (with one typo allowed in longer words), a Latin word also tries its Cyrillic spellings, and
 * a word also meets the other forms of its stem ("паспортумду" finds "паспорт").
 *
 * Pure TypeScript importing only its pure siblings, so it runs the same in the host and in the renderer.
 */

import { STOP_WORDS } from './stop-words.js';
import { wordStems } from './word-stems.js';

export interface SearchField {
  text: string;
  /** How much a match in this field counts, e.g. title 3, summary 2, document names 1. */
  weight: number;
}

/** One searchable service; its fields hold the texts in all three languages (ky, ru, en). */
export interface SearchDocument {
  id: string;
  fields: SearchField[];
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Results a search returns unless the caller asks for another number. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Words of a query beyond these are ignored, so a pasted essay cannot stall the kiosk. */
export const MAX_QUERY_TOKENS = 8;
/** Longer query words are cut to this length; as prefixes they still find their words. */
export const MAX_TOKEN_LENGTH = 32;
/** Cyrillic spellings tried per Latin query word; more would slow search without finding more. */
export const MAX_TRANSLITERATIONS = 8;
/** Shorter query words must match exactly as a prefix: one typo in "уй" would match half the catalogue. */
export const MIN_TYPO_TOKEN_LENGTH = 4;
/** Only the start of a query is read at all; MAX_QUERY_TOKENS words fit easily in it. */
const MAX_QUERY_CHARACTERS = 1024;

/**
 * A query word scores the weight of the field it matched times the quality of the match. Another
 * form of the same stem is nearly as good as the word itself, and better than a longer word.
 */
export const MATCH_QUALITY = { exact: 1, stem: 0.9, prefix: 0.8, typo: 0.5 } as const;

// ---------------------------------------------------------------------------------------------
// Folding: one spelling for every way of writing a word
// ---------------------------------------------------------------------------------------------

/**
 * Letters a visitor may type in place of another, folded to the letter every keyboard has.
 * Kyrgyz ң ө ү are missing from Russian layouts; the Kazakh letters and ҥ ӊ ҳ ў look like them
 * and arrive from other layouts or from copied text.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ё: 'е',
  ң: 'н',
  ө: 'о',
  ү: 'у',
  ұ: 'у',
  ә: 'а',
  і: 'и',
  һ: 'х',
  қ: 'к',
  ғ: 'г',
  ҥ: 'н',
  ӊ: 'н',
  ҳ: 'х',
  ў: 'у',
};

/**
 * Latin letters that look like Cyrillic ones. A visitor switching keyboard layouts mid-word, or
 * text pasted from a document, can hold "пaспoрт" with a Latin a and o; both are the same word.
 */
const LATIN_TO_CYRILLIC_LOOKALIKE: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};
const CYRILLIC_TO_LATIN_LOOKALIKE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC_LOOKALIKE).map(([latin, cyrillic]) => [cyrillic, latin]),
);

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** Cheap gates for the look-alike pass: every look-alike above is ASCII or in the basic Cyrillic block. */
const ANY_BASIC_CYRILLIC = /[\u0400-\u04ff]/;
const ANY_ASCII_LETTER = /[A-Za-z]/;
const WORD_WITH_MARKS = /[\p{L}\p{M}\p{N}]+/gu;
/** Stress marks and apostrophes belong inside a word: dropping them keeps "Кыргызстан’дын" one word. */
const MARK_OR_APOSTROPHE = /^[\p{M}'’‘ʼʻ`´]$/u;
/**
 * Invisible format characters belong inside a word too: a soft hyphen in "тариз\u00adдөө" (a hint
 * where a long word may wrap on a card), a joiner or a direction mark is not a word break. Zero
 * width space is the exception, as in Unicode word segmentation: it separates words.
 */
const INVISIBLE_FORMAT = /^\p{Cf}$/u;
const ZERO_WIDTH_SPACE = '\u200b';
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** What folding does with a character. */
const CharacterRole = { keep: 1, drop: 2, wordBreak: 3, replace: 4 } as const;
type CharacterRole = (typeof CharacterRole)[keyof typeof CharacterRole];

/**
 * Roles of the BMP characters met so far (0 = not classified yet). Unicode property classes are
 * slow on non-ASCII text in V8, and folding the catalogue would run them on every character, so
 * each character is classified once and then read from this table.
 */
const basicCharacterRoles = new Uint8Array(0x10000);
/** The same for characters outside the BMP, bounded by the ones that actually occur. */
const astralCharacterRoles = new Map<string, CharacterRole>();

function classifyCharacter(character: string): CharacterRole {
  if (LETTER_FOLDS[character] !== undefined) return CharacterRole.replace;
  if (MARK_OR_APOSTROPHE.test(character)) return CharacterRole.drop;
  if (INVISIBLE_FORMAT.test(character) && character !== ZERO_WIDTH_SPACE) return CharacterRole.drop;
  if (LETTER_OR_NUMBER.test(character)) return CharacterRole.keep;
  return CharacterRole.wordBreak;
}

function roleOfBasicCharacter(code: number): CharacterRole {
  const known = basicCharacterRoles[code];
  if (known !== undefined && known !== 0) return known as CharacterRole;
  // A lone surrogate is not a character; it breaks words like punctuation.
  const role = code >= 0xd800 && code <= 0xdfff ? CharacterRole.wordBreak : classifyCharacter(String.fromCharCode(code));
  basicCharacterRoles[code] = role;
  return role;
}

function roleOfAstralCharacter(character: string): CharacterRole {
  let role = astralCharacterRoles.get(character);
  if (role === undefined) {
    role = classifyCharacter(character);
    astralCharacterRoles.set(character, role);
  }
  return role;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * The form in which both catalogue text and queries are compared: NFKC, lower case, Kyrgyz and
 * look-alike letters folded, punctuation and quotes turned into single spaces. Words are separated
 * by exactly one space, with none at either end, so `split(' ')` gives the words.
 */
export function foldForSearch(text: string): string {
  let normalized = text.normalize('NFKC');
  // Only text holding both scripts can hold a word mixing them; most fields are one script.
  if (ANY_BASIC_CYRILLIC.test(normalized) && ANY_ASCII_LETTER.test(normalized)) {
    normalized = normalized.replace(WORD_WITH_MARKS, unifyLookalikeScripts);
  }
  return foldCharacters(normalized.toLowerCase());
}

/** Copies runs of kept characters in one slice each, since nearly every character is kept. */
function foldCharacters(lowered: string): string {
  let folded = '';
  let wordBreakPending = false;
  const append = (piece: string): void => {
    if (wordBreakPending && folded !== '') folded += ' ';
    wordBreakPending = false;
    folded += piece;
  };
  let runStart = 0;
  let index = 0;
  while (index < lowered.length) {
    const width = isSurrogatePair(lowered, index) ? 2 : 1;
    const role =
      width === 1
        ? roleOfBasicCharacter(lowered.charCodeAt(index))
        : roleOfAstralCharacter(lowered.slice(index, index + 2));
    if (role !== CharacterRole.keep) {
      if (index > runStart) append(lowered.slice(runStart, index));
      if (role === CharacterRole.replace) append(LETTER_FOLDS[lowered.charAt(index)] ?? '');
      else if (role === CharacterRole.wordBreak) wordBreakPending = true;
      runStart = index + width;
    }
    index += width;
  }
  if (lowered.length > runStart) append(lowered.slice(runStart));
  return folded;
}

/**
 * Rewrites a word that mixes Latin and Cyrillic letters in one script, when the stray letters
 * have look-alikes there. The script with more letters wins; on a tie Cyrillic does, since most
 * of the catalogue is Cyrillic. A word whose stray letters have no look-alike is left alone.
 */
function unifyLookalikeScripts(word: string): string {
  let cyrillicCount = 0;
  let latinCount = 0;
  let latinAllHaveCyrillicLookalikes = true;
  let cyrillicAllHaveLatinLookalikes = true;
  for (const character of word) {
    if (CYRILLIC_LETTER.test(character)) {
      cyrillicCount++;
      if (CYRILLIC_TO_LATIN_LOOKALIKE[character] === undefined) cyrillicAllHaveLatinLookalikes = false;
    } else if (LATIN_LETTER.test(character)) {
      latinCount++;
      if (LATIN_TO_CYRILLIC_LOOKALIKE[character] === undefined) latinAllHaveCyrillicLookalikes = false;
    }
  }
  if (cyrillicCount === 0 || latinCount === 0) return word;
  const preferCyrillic = cyrillicCount >= latinCount || !cyrillicAllHaveLatinLookalikes;
  if (latinAllHaveCyrillicLookalikes && preferCyrillic) return replaceLetters(word, LATIN_TO_CYRILLIC_LOOKALIKE);
  if (cyrillicAllHaveLatinLookalikes) return replaceLetters(word, CYRILLIC_TO_LATIN_LOOKALIKE);
  return word;
}

function replaceLetters(word: string, replacements: Readonly<Record<string, string>>): string {
  let result = '';
  for (const character of word) result += replacements[character] ?? character;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Transliteration: Russian and Kyrgyz typed in Latin letters
// ---------------------------------------------------------------------------------------------

/**
 * Common Russian and Kyrgyz romanisations. The first spelling of each rule is the likeliest; later
 * ones are tried as well but rank lower (c is usually к, as in "Kyrgyz", but ц or с elsewhere).
 * Kyrgyz romanisation writes ж as j and ы as y; Turkic-style letters (ö, ü, ş, ı) are included
 * because some visitors type Kyrgyz that way.
 */
const ROMANISATIONS: ReadonlyArray<readonly [latin: string, cyrillic: readonly string[]]> = [
  ['shch', ['щ']],
  ['sch', ['щ', 'ш']],
  ['sh', ['ш']],
  ['ch', ['ч']],
  ['zh', ['ж']],
  ['kh', ['х']],
  ['ts', ['ц']],
  ['ya', ['я']],
  ['ia', ['я']],
  ['yu', ['ю']],
  ['iu', ['ю']],
  ['yo', ['ё']],
  ['ye', ['е']],
  ['ng', ['ң']],
  ['oe', ['ө']],
  ['ue', ['ү']],
  ['ö', ['ө']],
  ['ü', ['ү']],
  ['ä', ['ә']],
  ['ı', ['ы']],
  ['ş', ['ш']],
  ['ç', ['ч']],
  ['ğ', ['г']],
  ['é', ['е']],
  ['a', ['а']],
  ['b', ['б']],
  ['c', ['к', 'ц', 'с']],
  ['d', ['д']],
  ['e', ['е', 'э']],
  ['f', ['ф']],
  ['g', ['г']],
  ['h', ['х']],
  ['i', ['и', 'ы']],
  ['j', ['ж', 'й']],
  ['k', ['к']],
  ['l', ['л']],
  ['m', ['м']],
  ['n', ['н']],
  ['o', ['о']],
  ['p', ['п']],
  ['q', ['к']],
  ['r', ['р']],
  ['s', ['с']],
  ['t', ['т']],
  ['u', ['у']],
  ['v', ['в']],
  ['w', ['в']],
  ['x', ['кс', 'х']],
  ['y', ['ы', 'й']],
  ['z', ['з']],
];

interface Romanisation {
  latin: string;
  cyrillic: readonly string[];
}

/** Rules grouped by their first letter, longest first, so each position checks only a few. */
const ROMANISATIONS_BY_FIRST_LETTER: ReadonlyMap<string, readonly Romanisation[]> = groupRomanisations();

function groupRomanisations(): Map<string, Romanisation[]> {
  const groups = new Map<string, Romanisation[]>();
  for (const [latin, cyrillic] of ROMANISATIONS) {
    const first = latin[0] ?? '';
    const group = groups.get(first) ?? [];
    group.push({ latin, cyrillic });
    groups.set(first, group);
  }
  for (const group of groups.values()) group.sort((a, b) => b.latin.length - a.latin.length);
  return groups;
}

interface PartialSpelling {
  text: string;
  /** How many less likely choices the spelling took; fewer ranks first. */
  unlikeliness: number;
}

interface SpellingStep {
  cyrillic: string;
  consumed: number;
  unlikeliness: number;
}

/**
 * Candidate Cyrillic spellings of a Latin query, likeliest first, at most MAX_TRANSLITERATIONS.
 * "pasport" gives "паспорт", "registratsiya" gives "регистрация". Characters that are not Latin
 * letters are kept as they are; text without Latin letters has no candidates.
 */
export function transliterateLatinToCyrillic(text: string): string[] {
  const latin = foldForSearch(text);
  if (!LATIN_LETTER.test(latin)) return [];
  // spellingsEndingAt[i] holds the best spellings of latin[0..i); every step moves forward, so a
  // position is complete when the loop reaches it, and capping each keeps the work linear.
  const spellingsEndingAt: PartialSpelling[][] = Array.from({ length: latin.length + 1 }, () => []);
  spellingsEndingAt[0] = [{ text: '', unlikeliness: 0 }];
  for (let position = 0; position < latin.length; position++) {
    const partials = spellingsEndingAt[position] ?? [];
    if (partials.length === 0) continue;
    for (const step of spellingStepsAt(latin, position)) {
      const target = spellingsEndingAt[position + step.consumed];
      if (target === undefined) continue;
      for (const partial of partials) {
        keepAmongLikeliest(target, {
          text: partial.text + step.cyrillic,
          unlikeliness: partial.unlikeliness + step.unlikeliness,
        });
      }
    }
  }
  return (spellingsEndingAt[latin.length] ?? []).map((spelling) => spelling.text);
}

/** The ways to spell the Latin text starting at this position; a shorter rule where a longer one applies is less likely ("s"+"h" rather than "sh"). */
function spellingStepsAt(latin: string, position: number): SpellingStep[] {
  const rules = (ROMANISATIONS_BY_FIRST_LETTER.get(latin[position] ?? '') ?? []).filter((rule) =>
    latin.startsWith(rule.latin, position),
  );
  const longest = rules[0]?.latin.length;
  if (longest === undefined) return [{ cyrillic: latin[position] ?? '', consumed: 1, unlikeliness: 0 }];
  return rules.flatMap((rule) =>
    rule.cyrillic.map((cyrillic, rank) => ({
      cyrillic,
      consumed: rule.latin.length,
      unlikeliness: rank + (rule.latin.length < longest ? 1 : 0),
    })),
  );
}

/** Inserts after every spelling at least as likely (so earlier rules win ties), once per text, and drops the least likely beyond the cap. */
function keepAmongLikeliest(spellings: PartialSpelling[], candidate: PartialSpelling): void {
  const existing = spellings.findIndex((spelling) => spelling.text === candidate.text);
  if (existing !== -1) {
    if ((spellings[existing]?.unlikeliness ?? 0) <= candidate.unlikeliness) return;
    spellings.splice(existing, 1);
  }
  let insertAt = spellings.length;
  while (insertAt > 0 && (spellings[insertAt - 1]?.unlikeliness ?? 0) > candidate.unlikeliness) insertAt--;
  if (insertAt >= MAX_TRANSLITERATIONS) return;
  spellings.splice(insertAt, 0, candidate);
  if (spellings.length > MAX_TRANSLITERATIONS) spellings.length = MAX_TRANSLITERATIONS;
}

// ---------------------------------------------------------------------------------------------
// Query
// ---------------------------------------------------------------------------------------------

/**
 * The folded words of a query that take part in a search: distinct, at most MAX_QUERY_TOKENS, each
 * at most MAX_TOKEN_LENGTH long, without stop words ("о", "для", "the") unless the query is only those.
 */
export function tokenizeQuery(query: string): string[] {
  if (typeof query !== 'string') return []; // the query may come across IPC
  const folded = foldForSearch(query.slice(0, MAX_QUERY_CHARACTERS));
  if (folded === '') return [];
  const words = folded.split(' ');
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const tokens: string[] = [];
  for (const word of meaningful.length > 0 ? meaningful : words) {
    const token = word.slice(0, MAX_TOKEN_LENGTH);
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return tokens;
}

/** The spellings a query word is looked up by: itself, then its Cyrillic transliterations. */
function spellingsOfToken(token: string): string[] {
  const spellings = [token];
  for (const transliteration of transliterateLatinToCyrillic(token)) {
    const folded = foldForSearch(transliteration);
    if (folded !== '' && !folded.includes(' ') && !spellings.includes(folded)) spellings.push(folded);
  }
  return spellings;
}

// ---------------------------------------------------------------------------------------------
// Sorted vocabulary: prefix ranges by binary search
// ---------------------------------------------------------------------------------------------

/** Words [start, end) of the sorted vocabulary. */
interface WordRange {
  start: number;
  end: number;
}

/** Sorts after any character a folded word can hold, so prefix + it bounds the words with that prefix. */
const AFTER_EVERY_LETTER = '\uffff';

/** First index in [start, end) whose word is not less than target (plain UTF-16 order, as Array.prototype.sort uses). */
function lowerBound(vocabulary: readonly string[], target: string, start: number, end: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((vocabulary[middle] ?? '') < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The words that start with prefix, looked for within an enclosing range known to hold them all. */
function prefixRange(vocabulary: readonly string[], prefix: string, within: WordRange): WordRange {
  const start = lowerBound(vocabulary, prefix, within.start, within.end);
  const end = lowerBound(vocabulary, prefix + AFTER_EVERY_LETTER, start, within.end);
  return { start, end };
}

interface Branch extends WordRange {
  letter: string;
}

/** The letters that follow prefix in the vocabulary, each with the range of words continuing with it, like the children of a trie node. */
function branchesAfter(vocabulary: readonly string[], prefix: string, node: WordRange): Branch[] {
  const depth = prefix.length;
  const branches: Branch[] = [];
  let cursor = node.start;
  // The prefix itself, if it is a word, sorts first and has no next letter.
  if (cursor < node.end && vocabulary[cursor]?.length === depth) cursor++;
  while (cursor < node.end) {
    const letter = vocabulary[cursor]?.[depth] ?? '';
    const end = lowerBound(vocabulary, prefix + letter + AFTER_EVERY_LETTER, cursor, node.end);
    branches.push({ letter, start: cursor, end });
    cursor = end;
  }
  return branches;
}

/**
 * The words having a prefix of length token.length ± 1 within Damerau–Levenshtein distance 1 of
 * the token: one letter missing, extra, wrong or swapped with the next. Walks the sorted
 * vocabulary like a trie, so the work grows with the token and the letters branching off its path,
 * not with the size of the vocabulary. Ranges may overlap and include prefix matches.
 */
function typoNeighbourRanges(vocabulary: readonly string[], token: string): WordRange[] {
  const ranges: WordRange[] = [];
  let node: WordRange = { start: 0, end: vocabulary.length };
  for (let position = 0; position < token.length; position++) {
    const before = token.slice(0, position);
    const letter = token[position] ?? '';
    const next = token[position + 1];
    const rest = token.slice(position + 1);
    for (const branch of branchesAfter(vocabulary, before, node)) {
      // The visitor left out a letter here.
      ranges.push(prefixRange(vocabulary, before + branch.letter + letter + rest, branch));
      // The visitor typed a wrong letter here.
      if (branch.letter !== letter) ranges.push(prefixRange(vocabulary, before + branch.letter + rest, branch));
    }
    // The visitor typed an extra letter here.
    ranges.push(prefixRange(vocabulary, before + rest, node));
    // The visitor swapped this letter and the next.
    if (next !== undefined && next !== letter) {
      ranges.push(prefixRange(vocabulary, before + next + letter + token.slice(position + 2), node));
    }
    node = prefixRange(vocabulary, before + letter, node);
    if (node.start === node.end) break; // no word continues the token's path, so no later edit can match
  }
  return ranges.filter((range) => range.start < range.end);
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/**
 * Postings in flat arrays: the documents holding vocabulary word w are
 * documents[starts[w] .. starts[w + 1]), in input order, each with the weight of the heaviest
 * field holding the word.
 */
interface Postings {
  starts: Uint32Array;
  documents: Uint32Array;
  weights: Float64Array;
}

/**
 * Gathers the postings: each distinct word gets an id the first time it is met, and a field text
 * met before (document names repeat across services) reuses its folded words.
 */
class PostingsBuilder {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly documentsOfWord: number[][] = [];
  private readonly weightsOfWord: number[][] = [];
  private readonly wordIdsOfText = new Map<string, number[]>();
  private postingCount = 0;

  /** Fields without a positive weight cannot raise a score, so they are left out. */
  add(document: SearchDocument, documentIndex: number): void {
    for (const field of document.fields) {
      if (!(field.weight > 0) || typeof field.text !== 'string') continue;
      for (const wordId of this.wordIdsIn(field.text)) this.addPosting(wordId, documentIndex, field.weight);
    }
  }

  /** Documents arrive in order, so this document's posting, if any, is the last of the word's list. */
  private addPosting(wordId: number, documentIndex: number, weight: number): void {
    const documents = this.documentsOfWord[wordId] ?? [];
    const weights = this.weightsOfWord[wordId] ?? [];
    const last = documents.length - 1;
    if (documents[last] === documentIndex) {
      if ((weights[last] ?? 0) < weight) weights[last] = weight;
      return;
    }
    documents.push(documentIndex);
    weights.push(weight);
    this.postingCount++;
  }

  private wordIdsIn(text: string): number[] {
    let ids = this.wordIdsOfText.get(text);
    if (ids === undefined) {
      ids = foldForSearch(text)
        .split(' ')
        .filter((word) => word !== '')
        .map((word) => this.wordIdOf(word));
      this.wordIdsOfText.set(text, ids);
    }
    return ids;
  }

  private wordIdOf(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.documentsOfWord.push([]);
      this.weightsOfWord.push([]);
      this.wordIds.set(word, id);
    }
    return id;
  }

  /** Sorts the vocabulary, so prefixes become ranges, and packs the postings into flat arrays. */
  build(): { vocabulary: string[]; postings: Postings } {
    const words = this.words;
    const order = words.map((_, id) => id).sort((a, b) => compareCodeUnits(words[a] ?? '', words[b] ?? ''));
    const postings: Postings = {
      starts: new Uint32Array(order.length + 1),
      documents: new Uint32Array(this.postingCount),
      weights: new Float64Array(this.postingCount),
    };
    let offset = 0;
    order.forEach((wordId, wordIndex) => {
      const documents = this.documentsOfWord[wordId] ?? [];
      postings.starts[wordIndex] = offset;
      postings.documents.set(documents, offset);
      postings.weights.set(this.weightsOfWord[wordId] ?? [], offset);
      offset += documents.length;
    });
    postings.starts[order.length] = offset;
    return { vocabulary: order.map((wordId) => words[wordId] ?? ''), postings };
  }
}

/** Plain UTF-16 order, the order the binary searches compare in. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function buildPostings(documents: readonly SearchDocument[]): { vocabulary: string[]; postings: Postings } {
  const builder = new PostingsBuilder();
  documents.forEach((document, documentIndex) => builder.add(document, documentIndex));
  return builder.build();
}

/** The indexes of the vocabulary's words under each of their stems; a word is listed under every stem it has. */
function groupByStem(vocabulary: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  vocabulary.forEach((word, wordIndex) => {
    for (const stem of wordStems(word)) {
      const group = groups.get(stem);
      if (group === undefined) groups.set(stem, [wordIndex]);
      else group.push(wordIndex);
    }
  });
  return groups;
}

/** Whether document a ranks before document b: higher score, or the same score and given earlier. */
function ranksBefore(a: number, b: number, totals: Float64Array): boolean {
  const scoreA = totals[a] ?? 0;
  const scoreB = totals[b] ?? 0;
  return scoreA > scoreB || (scoreA === scoreB && a < b);
}

/**
 * The maxHits best documents in rank order. A one-letter query can match every document, and the
 * kiosk shows a screenful, so when few are wanted from many they are picked in one pass instead of
 * sorting them all.
 */
function bestDocuments(documentIndexes: number[], totals: Float64Array, maxHits: number): number[] {
  if (maxHits * 8 >= documentIndexes.length) {
    return documentIndexes
      .sort((a, b) => (ranksBefore(a, b, totals) ? -1 : ranksBefore(b, a, totals) ? 1 : 0))
      .slice(0, maxHits);
  }
  const best: number[] = [];
  for (const candidate of documentIndexes) {
    const worstKept = best[best.length - 1];
    if (best.length === maxHits && worstKept !== undefined && !ranksBefore(candidate, worstKept, totals)) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ranksBefore(best[middle] ?? 0, candidate, totals)) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > maxHits) best.pop();
  }
  return best;
}

function normaliseLimit(limit: number): number {
  if (Number.isNaN(limit) || limit <= 0) return 0;
  return limit === Number.POSITIVE_INFINITY ? Number.MAX_SAFE_INTEGER : Math.floor(limit);
}

/**
 * An inverted index of the catalogue, built once per content package. Every query word the
 * catalogue knows must match a word of a document (in any field, any language, any order); a word
 * no document holds in any form is left out rather than emptying the results. A document scores,
 * per query word, the weight of its best field times the quality of the best match there.
 */
export class CatalogueSearchIndex {
  private readonly ids: readonly string[];
  private readonly vocabulary: readonly string[];
  private readonly postings: Postings;
  /** Vocabulary words by stem, so a query word meets the other forms of the same word. */
  private readonly wordsByStem: ReadonlyMap<string, readonly number[]>;
  /** Marks vocabulary words already scored for the current query word, so overlapping ranges and spellings count each word once, at its best quality. */
  private readonly wordSeenStamps: Uint32Array;
  private currentStamp = 0;

  constructor(documents: readonly SearchDocument[]) {
    this.ids = documents.map((document) => document.id);
    const { vocabulary, postings } = buildPostings(documents);
    this.vocabulary = vocabulary;
    this.postings = postings;
    this.wordsByStem = groupByStem(vocabulary);
    this.wordSeenStamps = new Uint32Array(vocabulary.length);
  }

  /** The best matching services first; ties keep the order the documents were given in. */
  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): SearchHit[] {
    const maxHits = normaliseLimit(limit);
    const tokens = tokenizeQuery(query);
    if (maxHits === 0 || tokens.length === 0) return [];

    const documentCount = this.ids.length;
    const totals = new Float64Array(documentCount);
    // How many query words a document has matched so far; only those matching all stay in play.
    const matchedTokens = new Uint8Array(documentCount);
    const tokenScores = new Float64Array(documentCount);
    let survivors: number[] = [];
    let knownTokens = 0;

    for (const token of tokens) {
      const touched: number[] = [];
      let knownWord = false;
      this.forEachMatchingWord(token, (wordIndex, quality) => {
        knownWord = true;
        this.scorePostings(wordIndex, quality, knownTokens, matchedTokens, tokenScores, touched);
      });
      // A word no service holds in any form ("сделать", "отец") says nothing about which service
      // is meant, so it rules none out; every word the catalogue knows must still match.
      if (!knownWord) continue;
      knownTokens++;
      survivors = [];
      for (const documentIndex of touched) {
        totals[documentIndex] = (totals[documentIndex] ?? 0) + (tokenScores[documentIndex] ?? 0);
        matchedTokens[documentIndex] = knownTokens;
        tokenScores[documentIndex] = 0;
        survivors.push(documentIndex);
      }
      if (survivors.length === 0) return [];
    }

    return this.rank(survivors, totals, maxHits);
  }

  /** Records, for each document still in play that holds the word, the best score this query word reaches there. */
  private scorePostings(
    wordIndex: number,
    quality: number,
    ordinal: number,
    matchedTokens: Uint8Array,
    tokenScores: Float64Array,
    touched: number[],
  ): void {
    const { starts, documents, weights } = this.postings;
    const end = starts[wordIndex + 1] ?? 0;
    for (let posting = starts[wordIndex] ?? 0; posting < end; posting++) {
      const documentIndex = documents[posting] ?? 0;
      if (matchedTokens[documentIndex] !== ordinal) continue; // missed an earlier query word
      const score = (weights[posting] ?? 0) * quality;
      const previous = tokenScores[documentIndex] ?? 0;
      if (previous === 0) touched.push(documentIndex);
      if (score > previous) tokenScores[documentIndex] = score;
    }
  }

  /**
   * Calls visit once per vocabulary word the query word matches, with its best quality: exact
   * matches of any spelling first, then other forms of its stem, then prefix matches, then typo
   * matches, so a word reached in several ways is scored by the best of them.
   */
  private forEachMatchingWord(token: string, visit: (wordIndex: number, quality: number) => void): void {
    const stamp = this.nextStamp();
    const vocabulary = this.vocabulary;
    const everything: WordRange = { start: 0, end: vocabulary.length };
    const spellings = spellingsOfToken(token);
    const visitRange = (range: WordRange, quality: number): void => {
      for (let wordIndex = range.start; wordIndex < range.end; wordIndex++) {
        if (this.wordSeenStamps[wordIndex] === stamp) continue;
        this.wordSeenStamps[wordIndex] = stamp;
        visit(wordIndex, quality);
      }
    };

    for (const spelling of spellings) {
      const wordIndex = lowerBound(vocabulary, spelling, 0, vocabulary.length);
      if (vocabulary[wordIndex] === spelling) visitRange({ start: wordIndex, end: wordIndex + 1 }, MATCH_QUALITY.exact);
    }
    for (const spelling of spellings) {
      for (const stem of wordStems(spelling)) {
        for (const wordIndex of this.wordsByStem.get(stem) ?? []) visitRange({ start: wordIndex, end: wordIndex + 1 }, MATCH_QUALITY.stem);
      }
    }
    for (const spelling of spellings) visitRange(prefixRange(vocabulary, spelling, everything), MATCH_QUALITY.prefix);
    for (const spelling of spellings) {
      if (spelling.length < MIN_TYPO_TOKEN_LENGTH) continue;
      for (const range of typoNeighbourRanges(vocabulary, spelling)) visitRange(range, MATCH_QUALITY.typo);
    }
  }

  private nextStamp(): number {
    if (this.currentStamp === 0xffffffff) {
      this.wordSeenStamps.fill(0);
      this.currentStamp = 0;
    }
    return ++this.currentStamp;
  }

  /** Highest score first, earlier document first on a tie. */
  private rank(documentIndexes: number[], totals: Float64Array, maxHits: number): SearchHit[] {
    return bestDocuments(documentIndexes, totals, maxHits).map((documentIndex) => ({
      id: this.ids[documentIndex] ?? '',
      score: totals[documentIndex] ?? 0,
    }));
  }
}
