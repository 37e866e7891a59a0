import type { Service } from '../content/content-schema.js';
import { LANGUAGES } from '../domain/languages.js';
import type { SearchDocument } from './catalogue-search.js';

/**
 * How much a match counts in each part of a service. A title or keyword names the service the
 * way visitors do; a document list only mentions things ("Паспорт (ID-карта)" is needed by nearly
 * every service), so a match there counts least and never outranks a title or keyword.
 */
export const SEARCH_FIELD_WEIGHTS = { title: 3, keywords: 3, summary: 2, requiredDocument: 1 } as const;

/** The searchable texts of a service, in all three languages: a visitor may type Russian on the Kyrgyz screen. */
export function searchDocumentForService(service: Service): SearchDocument {
  return {
    id: service.id,
    fields: LANGUAGES.flatMap((language) => [
      { text: service.title[language], weight: SEARCH_FIELD_WEIGHTS.title },
      ...(service.keywords?.[language] ?? []).map((keyword) => ({ text: keyword, weight: SEARCH_FIELD_WEIGHTS.keywords })),
      { text: service.summary[language], weight: SEARCH_FIELD_WEIGHTS.summary },
      ...service.requiredDocuments.map((document) => ({ text: document.title[language], weight: SEARCH_FIELD_WEIGHTS.requiredDocument })),
    ]),
  };
}
