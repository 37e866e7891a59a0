/**
 * What a printed receipt says, in the visitor's language, as the receipt screen shows it. The host
 * composes it from the outbox row and the catalogue; it holds no personal data, only the service,
 * the number, the date and state, what to bring and what happens next.
 */
export interface ReceiptDocument {
  heading: string;
  officeName: string;
  serviceTitle: string;
  receiptNumberLabel: string;
  receiptNumber: string;
  dateLabel: string;
  date: string;
  stateText: string;
  bringHeading: string;
  bring: string[];
  nextHeading: string;
  next: string;
  footer: string;
}
