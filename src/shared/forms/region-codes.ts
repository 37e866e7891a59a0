/**
 * Regions as the Ministry of Digital Development lists them (ISO 3166-2:KG). In a module of its
 * own, without the form schema, so the page can name them without carrying the schema library.
 */
export const REGION_CODES = ['KG-GB', 'KG-GO', 'KG-B', 'KG-J', 'KG-Y', 'KG-N', 'KG-O', 'KG-T', 'KG-C'] as const;
