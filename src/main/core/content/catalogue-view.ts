import type { CatalogueDocument, Service } from '../../../shared/content/content-schema.js';
import type { CategorySummary, ServiceDetail, ServiceSummary } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';
import { CatalogueSearchIndex } from '../../../shared/search/catalogue-search.js';
import { searchDocumentForService } from '../../../shared/search/service-search-document.js';

const SEARCH_LIMIT = 30;

/**
 * The active catalogue as the screens ask for it: localised, counted and searchable. Built once
 * per applied package, so every request is answered from memory without touching the disk.
 */
export class CatalogueView {
  private readonly servicesById: Map<string, Service>;
  /** Each category's services in catalogue order: a page of a 100,000-service category is a slice, not a scan. */
  private readonly servicesByCategory = new Map<string, Service[]>();
  private readonly index: CatalogueSearchIndex;

  constructor(readonly document: CatalogueDocument) {
    this.servicesById = new Map(document.services.map((service) => [service.id, service]));
    for (const service of document.services) {
      const list = this.servicesByCategory.get(service.categoryId);
      if (list) list.push(service);
      else this.servicesByCategory.set(service.categoryId, [service]);
    }
    this.index = new CatalogueSearchIndex(document.services.map(searchDocumentForService));
  }

  categories(language: Language): CategorySummary[] {
    return this.document.categories.map((category) => ({
      id: category.id,
      icon: category.icon,
      title: category.title[language],
      description: category.description[language],
      serviceCount: this.servicesByCategory.get(category.id)?.length ?? 0,
    }));
  }

  /** A category's services (every service without one), from `offset`, at most `limit` of them. */
  services(language: Language, categoryId?: string, page: { offset?: number; limit?: number } = {}): ServiceSummary[] {
    const all = categoryId === undefined ? this.document.services : (this.servicesByCategory.get(categoryId) ?? []);
    const offset = page.offset ?? 0;
    return all.slice(offset, page.limit === undefined ? undefined : offset + page.limit).map((service) => summarise(service, language));
  }

  service(language: Language, serviceId: string): ServiceDetail | undefined {
    const service = this.servicesById.get(serviceId);
    if (!service) return undefined;
    return {
      ...summarise(service, language),
      description: service.description[language],
      whoMayApply: service.whoMayApply[language],
      agency: service.agency[language],
      priceNote: service.price.note?.[language],
      processingNote: service.processingTime.note?.[language],
      urgencyTiers: service.urgencyTiers.map((tier) => ({
        id: tier.id,
        label: tier.label[language],
        amountSom: tier.amountSom,
        workingDays: tier.workingDays,
        hours: tier.hours,
        note: tier.note?.[language],
      })),
      requiredDocuments: service.requiredDocuments.map((document) => ({
        id: document.id,
        title: document.title[language],
        note: document.note?.[language],
      })),
      sampleForms: service.sampleForms.map((sample) => ({
        id: sample.id,
        title: sample.title[language],
        mediaType: sample.mediaType,
        languages: sample.languages ?? [],
      })),
      formId: service.formId,
    };
  }

  samplePart(serviceId: string, sampleId: string) {
    return this.servicesById.get(serviceId)?.sampleForms.find((sample) => sample.id === sampleId);
  }

  /** Matches any of the three languages (a visitor may type Russian on the Kyrgyz screen), answers in the chosen one. */
  search(language: Language, query: string): ServiceSummary[] {
    return this.index
      .search(query, SEARCH_LIMIT)
      .map((hit) => this.servicesById.get(hit.id))
      .filter((service): service is Service => service !== undefined)
      .map((service) => summarise(service, language));
  }
}

function summarise(service: Service, language: Language): ServiceSummary {
  return {
    id: service.id,
    categoryId: service.categoryId,
    title: service.title[language],
    summary: service.summary[language],
    priceSom: service.price.amountSom,
    priceAssumed: service.price.assumed,
    processingDays: service.processingTime.workingDays,
    processingAssumed: service.processingTime.assumed,
    // The catalogue knows nothing of this kiosk's screens; the handlers mark what failed here.
    availableHere: true,
  };
}
