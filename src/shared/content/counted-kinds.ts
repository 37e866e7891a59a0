/** What a content list limit (TOO_MANY) counts, as a code the service panel translates; apart from the content checks so the page need not carry them. */
export const COUNTED_KINDS = ['services', 'categories', 'forms', 'legalTexts', 'servicesInCategory', 'documents', 'urgencyTiers', 'samples', 'valueLabels'] as const;
