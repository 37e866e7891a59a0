import { useEffect, useRef } from 'react';
import { STAFF_CARD_NUMBER_PATTERN } from '../../../shared/content/staff-identifiers.js';

/** A card reader types a whole number in well under this between keys; a person at a keyboard does not. */
const MAX_KEY_GAP_MS = 300;

/**
 * Listens for a staff card swiped through a reader that types like a keyboard: digits, then Enter.
 * Digits typed slowly, or anything but digits, start the number again, so a passer-by's keys
 * cannot add up to a card.
 */
export function useCardReader(onCard: (cardNumber: string) => void): void {
  const typed = useRef({ digits: '', at: 0 });
  const latest = useRef(onCard);
  useEffect(() => {
    latest.current = onCard;
  }, [onCard]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const now = Date.now();
      const current = typed.current;
      if (now - current.at > MAX_KEY_GAP_MS) current.digits = '';
      current.at = now;
      if (/^\d$/.test(event.key)) {
        current.digits += event.key;
      } else if (event.key === 'Enter' && STAFF_CARD_NUMBER_PATTERN.test(current.digits)) {
        const cardNumber = current.digits;
        current.digits = '';
        // The reader's Enter ends the number; it must not also press whatever has focus.
        event.preventDefault();
        latest.current(cardNumber);
      } else {
        current.digits = '';
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
