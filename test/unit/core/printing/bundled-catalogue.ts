import { CatalogueView } from '../../../../src/main/core/content/catalogue-view.js';
import { buildPackage } from '../../../../src/portal/content/package-builder.js';
import { catalogueDocumentSchema } from '../../../../src/shared/content/content-schema.js';

/** The catalogue the kiosk ships with, built from resources/content-source as the content tool builds it. */
export function bundledCatalogue(): CatalogueView {
  const parts = buildPackage('resources/content-source', new Date('2026-03-01T00:00:00Z'));
  const catalogue = parts.get('catalogue.json');
  if (catalogue === undefined) throw new Error('the content build made no catalogue.json');
  return new CatalogueView(catalogueDocumentSchema.parse(JSON.parse(Buffer.from(catalogue).toString('utf8'))));
}
