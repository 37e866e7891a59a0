import { createHostTranslations } from '../../../../src/main/core/i18n/host-translations.js';
import { LANGUAGES, type LocalizedText } from '../../../../src/shared/domain/languages.js';
import type { FieldIssue } from '../../../../src/shared/forms/form-engine.js';
import { issueTranslation, type IssueCode, type MessageParams } from '../../../../src/shared/forms/messages.js';

const translations = createHostTranslations();

/** An issue code's message in every language, through i18next and the forms locale files. */
export function issueMessage(code: IssueCode, params?: MessageParams): LocalizedText {
  const { key, options } = issueTranslation(code, params);
  const [ky, ru, en] = LANGUAGES.map((language) => translations.t(language, 'forms')(key, options));
  return { ky: ky!, ru: ru!, en: en! };
}

/** What a screen shows for an issue: the content's own message, else the code's. */
export function shownMessage(issue: FieldIssue | undefined): LocalizedText {
  if (!issue) throw new Error('no issue');
  return issue.message ?? issueMessage(issue.code, issue.params);
}
