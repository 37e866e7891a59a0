import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import type { Language } from '../../shared/domain/languages.js';

/** What every section's page is given by the shell: the session (its CSRF token goes on every state-changing call) and the desk's language. */
export interface SectionPageProps {
  session: BackOfficeSession;
  language: Language;
}
