import type { LegalTextForConsent, StartedApplication } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';

export interface TextToAccept {
  text: LegalTextForConsent;
  /** Asked for by this service on top of the privacy policy and user agreement. */
  addedByService: boolean;
}

/** Every text the visitor accepts by agreeing, in the order shown: privacy policy, user agreement, then the service's own. */
export function textsToAccept(started: Pick<StartedApplication, 'privacyPolicy' | 'userAgreement' | 'additionalLegalTexts'>): TextToAccept[] {
  return [
    { text: started.privacyPolicy, addedByService: false },
    { text: started.userAgreement, addedByService: false },
    ...started.additionalLegalTexts.map((text) => ({ text, addedByService: true })),
  ];
}

/** Without a summary, the beginning of the body stands in: this much of it, in whole paragraphs. */
const BEGINNING_CHARACTERS = 320;

/**
 * What the consent screen shows of a text before "Read in full": its plain summary, or, when the
 * content has none, the first paragraphs of the body (not its headings or translation note).
 */
export function shortForm(text: LegalTextForConsent, language: Language): { body: string; isSummary: boolean } {
  const summary = text.summary?.[language];
  if (summary) return { body: summary, isSummary: true };
  const paragraphs = text.body[language]
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith('#') && !/^_[^_]+_$/.test(block));
  const beginning: string[] = [];
  for (const paragraph of paragraphs) {
    beginning.push(paragraph);
    if (beginning.join(' ').length >= BEGINNING_CHARACTERS) break;
  }
  return { body: beginning.join('\n\n'), isSummary: false };
}
