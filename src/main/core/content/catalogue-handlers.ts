import { fail, ok } from '../../../shared/contract/result.js';
import type { ServiceSummary } from '../../../shared/contract/ipc.js';
import type { HandlersFor } from '../handlers.js';
import type { ContentService } from './content-service.js';
import type { ContentStore } from './content-store.js';

type CatalogueChannel = 'listCategories' | 'listServices' | 'getService' | 'searchServices' | 'getSampleForm';

/** Which services' forms failed on this kiosk's screen (health/unavailable-services.ts). */
export interface ServiceAvailability {
  availableHere(serviceId: string): boolean;
}

/** The catalogue a visitor browses: every answer comes from the active package, in memory. */
export function catalogueHandlers(content: ContentService, store: ContentStore, availability: ServiceAvailability): HandlersFor<CatalogueChannel> {
  const noContent = () => fail('UNAVAILABLE', 'The kiosk has no content yet.');
  const marked = <S extends ServiceSummary>(service: S): S =>
    availability.availableHere(service.id) ? service : { ...service, availableHere: false };
  return {
    listCategories: ({ language }) => ok(content.catalogue()?.categories(language) ?? []),
    listServices: ({ language, categoryId, offset, limit }) => ok((content.catalogue()?.services(language, categoryId, { offset, limit }) ?? []).map(marked)),
    searchServices: ({ language, query }) => ok((content.catalogue()?.search(language, query) ?? []).map(marked)),
    getService: ({ language, serviceId }) => {
      const catalogue = content.catalogue();
      if (!catalogue) return noContent();
      const service = catalogue.service(language, serviceId);
      return service ? ok(marked(service)) : fail('NOT_FOUND', 'No such service.');
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
