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
  private readonly index: CatalogueSearchIndex;

  constructor(readonly document: CatalogueDocument) {
    this.servicesById = new Map(document.services.map((service) => [service.id, service]));
    this.index = new CatalogueSearchIndex(document.services.map(searchDocumentForService));
  }

  categories(language: Language): CategorySummary[] {
    return this.document.categories.map((category) => ({
      id: category.id,
      icon: category.icon,
      title: category.title[language],
      description: category.description[language],
      serviceCount: this.document.services.filter((service) => service.categoryId === category.id).length,
    }));
  }

  services(language: Language, categoryId?: string): ServiceSummary[] {
    return this.document.services
      .filter((service) => categoryId === undefined || service.categoryId === categoryId)
      .map((service) => summarise(service, language));
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
