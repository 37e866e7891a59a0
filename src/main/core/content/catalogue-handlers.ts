import { fail, ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { ContentService } from './content-service.js';
import type { ContentStore } from './content-store.js';

type CatalogueChannel = 'listCategories' | 'listServices' | 'getService' | 'searchServices' | 'getSampleForm';

/** The catalogue a visitor browses: every answer comes from the active package, in memory. */
export function catalogueHandlers(content: ContentService, store: ContentStore): HandlersFor<CatalogueChannel> {
  const noContent = () => fail('UNAVAILABLE', 'The kiosk has no content yet.');
  return {
    listCategories: ({ language }) => ok(content.catalogue()?.categories(language) ?? []),
    listServices: ({ language, categoryId }) => ok(content.catalogue()?.services(language, categoryId) ?? []),
    searchServices: ({ language, query }) => ok(content.catalogue()?.search(language, query) ?? []),
    getService: ({ language, serviceId }) => {
      const catalogue = content.catalogue();
      if (!catalogue) return noContent();
      const service = catalogue.service(language, serviceId);
      return service ? ok(service) : fail('NOT_FOUND', 'No such service.');
    },
    getSampleForm: ({ serviceId, sampleId }) => {
      const catalogue = content.catalogue();
      if (!catalogue) return noContent();
      const sample = catalogue.samplePart(serviceId, sampleId);
      const bytes = sample && store.readActivePart(sample.part);
      if (!sample || !bytes) return fail('NOT_FOUND', 'No such sample form.');
      return ok({ mediaType: sample.mediaType, dataBase64: Buffer.from(bytes).toString('base64') });
    },
  };
}
