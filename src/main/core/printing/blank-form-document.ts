import type { Language } from '../../../shared/domain/languages.js';

/**
 * A paper form for a service, in one language, as the host writes it from the form definition:
 * headings, labels and hints, and an empty place for every answer sized for its kind. Plain data,
 * so the PDF and the Electron printers lay out the same words, and a test can read them.
 */
export interface BlankFormDocument {
  /** For the saved file's name: the service and language, never anything a visitor typed. */
  serviceId: string;
  language: Language;
  title: string;
  serviceLabel: string;
  serviceTitle: string;
  instructions: string;
  parts: BlankFormPart[];
  /** The date and signature lines at the end. */
  closing: BlankFormEntry[];
  footer: string;
}

/** One page of the form on screen becomes one numbered part on paper. */
export interface BlankFormPart {
  heading: string;
  title?: string;
  /** Said when the part applies only to some applicants. */
  condition?: string;
  entries: BlankFormEntry[];
}

interface EntryText {
  label: string;
  hint?: string;
  /** Said when the question applies only to some applicants. */
  condition?: string;
}

/** Where the answer goes. */
export type BlankFormEntry =
  | (EntryText & { kind: 'lines'; lines: number })
  /** A row of boxes, one per character (a PIN, a postal code, a phone's national digits after the prefix). */
  | (EntryText & { kind: 'boxes'; count: number; prefix?: string })
  /** `pattern` is `__.__.____`; `format` says how to read it in the visitor's language (ДД.ММ.ГГГГ). */
  | (EntryText & { kind: 'date'; pattern: string; format: string })
  | (EntryText & { kind: 'choice'; instruction: string; options: string[] })
  /** An address: its parts, each with a place of its own. */
  | (EntryText & { kind: 'parts'; parts: BlankFormEntry[] })
  /** Worked out by staff from other answers: described, left blank. */
  | (EntryText & { kind: 'calculated'; description: string })
  | (EntryText & { kind: 'group'; rule: string; items: BlankFormGroupItem[] });

export interface BlankFormGroupItem {
  heading: string;
  entries: BlankFormEntry[];
}
