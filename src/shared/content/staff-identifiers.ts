/**
 * What staff type and swipe at a kiosk, as plain patterns: the page checks a card number and a
 * PIN's length with these, without carrying the schema library the content is checked with.
 */

/** What a card reader types: digits only. */
export const STAFF_CARD_NUMBER_PATTERN = /^\d{8,20}$/;

/** A PIN as staff type it on the digit layout; shorter PINs fall to guessing too soon. */
export const STAFF_PIN_MIN_DIGITS = 6;
export const STAFF_PIN_MAX_DIGITS = 12;
