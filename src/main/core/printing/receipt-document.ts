/**
 * What a printed receipt says, in the visitor's language, as the receipt screen shows it. The host
 * composes it from the outbox row, the catalogue and, during the visit, the fee and documents it
 * worked out from the answers; it holds no answer itself.
 */
export interface ReceiptDocument {
  heading: string;
  officeName: string;
  serviceTitle: string;
  receiptNumberLabel: string;
  receiptNumber: string;
  dateLabel: string;
  date: string;
  /** The sending state in words that stay true on paper after it is printed. */
  stateText: string;
  /** "Assisted by <name> (<id>)" for an application a clerk filled for the visitor; absent for a visitor alone. */
  assistedBy?: string;
  /** What the QR code holds: the status page for this number, or the number alone. */
  qrText: string;
  /** Under the QR code when it opens the status page. */
  qrCaption?: string;
  /** "To pay" and "1 640 сом", "Free of charge", or that it depends on the options chosen; absent for a service the catalogue no longer has. */
  feeHeading?: string;
  fee?: string;
  /** How and where to pay in this office; absent when there is nothing to pay or the content says nothing. */
  paymentHeading?: string;
  payment?: string;
  /** "Bring with you", or, when the answers are no longer known, to bring those of the list that apply. */
  bringHeading: string;
  bring: { title: string; note?: string }[];
  nextHeading: string;
  next: string;
  footer: string;
}
