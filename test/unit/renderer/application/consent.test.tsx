import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegalTextForConsent } from '../../../../src/shared/contract/ipc.js';
import { LANGUAGES, type Language } from '../../../../src/shared/domain/languages.js';
import { ConsentView } from '../../../../src/renderer/features/application/ConsentStep.js';
import { textsToAccept } from '../../../../src/renderer/features/application/consent-texts.js';
import { initI18n } from '../../../../src/renderer/i18n.js';
import privacyMeta from '../../../../resources/content-source/legal/privacy-policy.json';
import agreementMeta from '../../../../resources/content-source/legal/user-agreement.json';
import centreMeta from '../../../../resources/content-source/legal/certification-centre-policy.json';
import privacyKy from '../../../../resources/content-source/legal/privacy-policy.ky.md?raw';
import privacyRu from '../../../../resources/content-source/legal/privacy-policy.ru.md?raw';
import privacyEn from '../../../../resources/content-source/legal/privacy-policy.en.md?raw';
import agreementKy from '../../../../resources/content-source/legal/user-agreement.ky.md?raw';
import agreementRu from '../../../../resources/content-source/legal/user-agreement.ru.md?raw';
import agreementEn from '../../../../resources/content-source/legal/user-agreement.en.md?raw';
import centreKy from '../../../../resources/content-source/legal/certification-centre-policy.ky.md?raw';
import centreRu from '../../../../resources/content-source/legal/certification-centre-policy.ru.md?raw';
import centreEn from '../../../../resources/content-source/legal/certification-centre-policy.en.md?raw';

/** The bundled legal texts as the host hands them to the consent screen. */
interface LegalMeta {
  kind: string;
  version: string;
  title: LegalTextForConsent['title'];
  summary?: LegalTextForConsent['summary'];
}
const bundled = (meta: LegalMeta, body: LegalTextForConsent['body']): LegalTextForConsent => ({
  kind: meta.kind as LegalTextForConsent['kind'],
  version: meta.version,
  title: meta.title,
  summary: meta.summary,
  body: { ky: body.ky.trim(), ru: body.ru.trim(), en: body.en.trim() },
});
const privacyPolicy = bundled(privacyMeta, { ky: privacyKy, ru: privacyRu, en: privacyEn });
const userAgreement = bundled(agreementMeta, { ky: agreementKy, ru: agreementRu, en: agreementEn });
const centrePolicy = bundled(centreMeta, { ky: centreKy, ru: centreRu, en: centreEn });

const i18n = initI18n('en');

/** What a visitor can read: the markup's text, tags dropped and entities decoded, whitespace collapsed. */
function readable(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The longest plain paragraph of a full text, as the screen writes it: one that no summary repeats. */
function deepInside(text: LegalTextForConsent, language: Language): string {
  const paragraphs = text.body[language]
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => !/^[-#]/.test(block))
    .map((block) => block.replace(/[_*]/g, '').replace(/\s+/g, ' '));
  return paragraphs.reduce((longest, paragraph) => (paragraph.length > longest.length ? paragraph : longest));
}

interface Screen {
  markup: string;
  text: string;
}

async function consentScreen(language: Language, texts: LegalTextForConsent[], open?: LegalTextForConsent['kind']): Promise<Screen> {
  await i18n.changeLanguage(language);
  const [first, second, ...additional] = texts;
  const markup = renderToStaticMarkup(
    <ConsentView
      texts={textsToAccept({ privacyPolicy: first!, userAgreement: second!, additionalLegalTexts: additional })}
      serviceTitle="Service"
      language={language}
      open={open}
      onReadInFull={() => undefined}
      onClose={() => undefined}
      onAccept={() => undefined}
      onDecline={() => undefined}
    />,
  );
  return { markup, text: readable(markup) };
}

const firstSentence = (summary: string) => summary.split(/(?<=[.!?])\s/)[0]!;

describe('the consent screen', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it.each(LANGUAGES)('in %s shows each text’s plain summary, title and version, and none of a full text', async (language) => {
    const screen = await consentScreen(language, [privacyPolicy, userAgreement]);
    for (const text of [privacyPolicy, userAgreement]) {
      expect(screen.text).toContain(text.title[language]);
      expect(screen.text).toContain(firstSentence(text.summary![language]));
      expect(screen.text).toContain(text.version);
      expect(screen.text).not.toContain(deepInside(text, language));
    }
    expect(screen.markup).not.toContain('role="dialog"');
    expect(screen.markup.match(/data-read-full=/g)).toHaveLength(2);
  });

  it.each(LANGUAGES)('in %s lays out the full text only of the one opened with "Read in full", with its version', async (language) => {
    const screen = await consentScreen(language, [privacyPolicy, userAgreement, centrePolicy], 'user-agreement');
    expect(screen.markup).toContain('role="dialog"');
    expect(screen.markup).toContain('data-legal-dialog="user-agreement"');
    expect(screen.text).toContain(deepInside(userAgreement, language));
    expect(screen.text).not.toContain(deepInside(privacyPolicy, language));
    expect(screen.text).not.toContain(deepInside(centrePolicy, language));
    const dialog = readable(screen.markup.slice(screen.markup.indexOf('role="dialog"')));
    expect(dialog).toContain(i18n.getFixedT(language)('application:consent.version', { version: userAgreement.version }));
    expect(dialog).toContain(i18n.getFixedT(language)('application:consent.close'));
  });

  it.each(LANGUAGES)('in %s shows the certification centre’s policy, and why it applies, for a service that asks for it', async (language) => {
    const withCentre = await consentScreen(language, [privacyPolicy, userAgreement, centrePolicy]);
    const why = i18n.getFixedT(language)('application:consent.whyCertificationCentre');
    expect(withCentre.markup).toContain('data-legal-kind="certification-centre-policy"');
    expect(withCentre.text).toContain(centrePolicy.title[language]);
    expect(withCentre.text).toContain(firstSentence(centrePolicy.summary![language]));
    expect(withCentre.text).toContain(why);
    expect(withCentre.markup.match(/data-read-full=/g)).toHaveLength(3);

    const without = await consentScreen(language, [privacyPolicy, userAgreement]);
    expect(without.markup).not.toContain('certification-centre-policy');
    expect(without.text).not.toContain(why);
  });

  it('says that agreeing accepts every text listed, beside Agree and Decline', async () => {
    const screen = await consentScreen('en', [privacyPolicy, userAgreement, centrePolicy]);
    expect(screen.text).toContain('Agreeing accepts each text listed above in full.');
    expect(screen.text).toContain('I have read them and I agree');
    expect(screen.text).toContain('I do not agree');
  });

  it('falls back to the first paragraphs of the body when a text has no summary', async () => {
    const unsummarised = { ...centrePolicy, summary: undefined };
    const screen = await consentScreen('ru', [privacyPolicy, userAgreement, unsummarised]);
    const section = readable(screen.markup.slice(screen.markup.indexOf('data-legal-kind="certification-centre-policy"')));
    expect(section).toContain('Начало текста:');
    // The body's first paragraph, not its heading or the note that the translation is unofficial.
    expect(section).toContain('Политика конфиденциальности действует в сфере публикации сертификатов');
    expect(section).not.toContain('Неофициальный перевод');
    expect(section).not.toContain(deepInside(centrePolicy, 'ru'));
  });

  it.each(LANGUAGES)('in %s has a translation for every string it shows, closed and with a text open', async (language) => {
    for (const open of [undefined, 'privacy-policy', 'certification-centre-policy'] as const) {
      const screen = await consentScreen(language, [privacyPolicy, userAgreement, centrePolicy], open);
      // i18next answers a missing key with the key itself.
      expect(screen.text).not.toMatch(/\bconsent\.[a-zA-Z]+/);
      expect(screen.text).not.toMatch(/\bapplication:/);
    }
  });
});
