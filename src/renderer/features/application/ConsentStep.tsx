import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalTextForConsent, StartedApplication } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';
import { useKioskStore } from '../../state/store.js';
import { shortForm, textsToAccept, type TextToAccept } from './consent-texts.js';
import { LegalBlocks } from './LegalText.js';
import { LegalTextDialog } from './LegalTextDialog.js';
import '../../styles/consent.css';

type LegalKind = LegalTextForConsent['kind'];

/** Consent before any personal data: every text the application needs, in short, each one tap from its full text. */
export function ConsentStep({ started, serviceTitle }: { started: StartedApplication; serviceTitle: string }) {
  const language = useKioskStore((state) => state.language);
  const accept = useKioskStore((state) => state.acceptConsent);
  const decline = useKioskStore((state) => state.declineConsent);
  const clerk = useKioskStore((state) => (state.staff?.roles.includes('clerk') ? state.staff.displayName : undefined));
  const [open, setOpen] = useState<LegalKind>();
  const screen = useRef<HTMLElement>(null);
  const close = () => {
    // Back to the button that opened the text, so a keyboard or screen-reader user keeps their place.
    screen.current?.querySelector<HTMLButtonElement>(`[data-read-full="${open}"]`)?.focus();
    setOpen(undefined);
  };
  return (
    <ConsentView
      texts={textsToAccept(started)}
      serviceTitle={serviceTitle}
      language={language}
      open={open}
      onReadInFull={setOpen}
      onClose={close}
      onAccept={accept}
      onDecline={decline}
      screenRef={screen}
      assistingClerk={clerk}
    />
  );
}

interface ConsentViewProps {
  texts: TextToAccept[];
  serviceTitle: string;
  language: Language;
  /** The text shown in full, if any; only that one body is laid out. */
  open?: LegalKind;
  onReadInFull: (kind: LegalKind) => void;
  onClose: () => void;
  onAccept: () => void;
  onDecline: () => void;
  screenRef?: Ref<HTMLElement>;
  /** The clerk filling the application with the visitor: the visitor is told that agreeing is still theirs to decide. */
  assistingClerk?: string;
}

/**
 * The consent screen itself. The summaries scroll with the page while Agree and Decline stay in a
 * footer at the bottom of the screen, so they are in view at every screen size and text size.
 */
export function ConsentView({ texts, serviceTitle, language, open, onReadInFull, onClose, onAccept, onDecline, screenRef, assistingClerk }: ConsentViewProps) {
  const { t } = useTranslation();
  const opened = texts.find(({ text }) => text.kind === open)?.text;
  return (
    <main className="screen consent" data-screen="consent" ref={screenRef}>
      <p className="form-context">
        <span className="form-service">{serviceTitle}</span>
      </p>
      <h1>{t('application:consent.heading')}</h1>
      <p className="consent-intro">{t('application:consent.intro')}</p>
      {assistingClerk && (
        <p className="consent-assisted" data-testid="consent-assisted">
          {t('staff:consentNote', { name: assistingClerk })}
        </p>
      )}
      <div className="screen-body consent-documents">
        {texts.map(({ text, addedByService }) => (
          <ConsentDocument key={text.kind} text={text} addedByService={addedByService} language={language} onReadInFull={onReadInFull} />
        ))}
      </div>
      <p className="consent-decline-note">{t('application:consent.declineKeepsNothing')}</p>
      <div className="consent-footer">
        <p className="consent-covers">{t('application:consent.covers')}</p>
        <nav className="screen-actions">
          <button type="button" className="button secondary" onClick={onDecline}>
            {t('application:consent.decline')}
          </button>
          <button type="button" className="button primary" onClick={onAccept}>
            <span aria-hidden="true">✓ </span>
            {t('application:consent.accept')}
          </button>
        </nav>
      </div>
      {opened && <LegalTextDialog text={opened} language={language} onClose={onClose} />}
    </main>
  );
}

interface ConsentDocumentProps {
  text: LegalTextForConsent;
  addedByService: boolean;
  language: Language;
  onReadInFull: (kind: LegalKind) => void;
}

function ConsentDocument({ text, addedByService, language, onReadInFull }: ConsentDocumentProps) {
  const { t } = useTranslation();
  const short = shortForm(text, language);
  const headingId = `legal-${text.kind}`;
  const why = addedByService ? whyItApplies(text.kind, t) : undefined;
  const title = text.title[language];
  return (
    <section className="consent-document" data-legal-kind={text.kind} data-legal-version={text.version} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {why && <p className="consent-why">{why}</p>}
      {!short.isSummary && <p className="consent-text-begins">{t('application:consent.textBegins')}</p>}
      <div className="consent-summary" data-summary={short.isSummary}>
        <LegalBlocks body={short.body} />
      </div>
      <div className="consent-document-end">
        <p className="consent-version">{t('application:consent.version', { version: text.version })}</p>
        <button
          type="button"
          className="button secondary"
          data-read-full={text.kind}
          aria-label={t('application:consent.readInFullNamed', { title })}
          onClick={() => onReadInFull(text.kind)}
        >
          {t('application:consent.readInFull')}
        </button>
      </div>
    </section>
  );
}

/** Why a service's own text applies to it, in a sentence; one per kind a service may add. */
function whyItApplies(kind: LegalKind, t: ReturnType<typeof useTranslation>['t']): string | undefined {
  switch (kind) {
    case 'certification-centre-policy':
      return t('application:consent.whyCertificationCentre');
    case 'privacy-policy':
    case 'user-agreement':
      return undefined;
  }
}
