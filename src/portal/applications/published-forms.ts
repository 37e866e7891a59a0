import { CATALOGUE_PART } from '../../shared/content/content-schema.js';
import { formDefinitionSchema, type FormDefinition } from '../../shared/forms/form-schema.js';
import { listedServiceSchema } from '../../shared/contract/applications.js';

type ListedService = { id: string; title: { ky: string; ru: string; en: string } };

/** What the forms need of the content library: a published package's file by version. */
export interface PublishedFiles {
  file(version: number, path: string): Buffer | null;
}

/** What the officers' list needs besides: which version is the latest. */
export interface LatestPublished extends PublishedFiles {
  latest(): { version: number } | null;
}

export type ServiceLookup = () => ListedService[];

/**
 * The services of the latest published catalogue, by id with their titles, read once per version:
 * the list names each application's service in the officer's language and offers the filter.
 */
export function publishedServices(library: LatestPublished): ServiceLookup {
  let kept: { version: number; services: ListedService[] } | null = null;
  return () => {
    const latest = library.latest();
    if (!latest) return [];
    if (kept?.version === latest.version) return kept.services;
    const bytes = library.file(latest.version, CATALOGUE_PART);
    const document = bytes ? (JSON.parse(bytes.toString('utf8')) as { services?: unknown[] }) : {};
    const services = (document.services ?? []).flatMap((service) => {
      const parsed = listedServiceSchema.safeParse(service);
      return parsed.success ? [{ id: parsed.data.id, title: parsed.data.title }] : [];
    });
    kept = { version: latest.version, services };
    return services;
  };
}

export type FormLookup = (contentVersion: number, formId: string, formVersion: number) => FormDefinition | null;

const KEPT_CATALOGUES = 4;

/**
 * The form an application was made with, from the package its kiosk ran (the application's
 * content version), so an officer reads the questions the visitor answered even after the form
 * changed. The few catalogues last read are kept: officers open applications of the same few
 * versions one after another.
 */
export function publishedForms(library: PublishedFiles): FormLookup {
  const catalogues = new Map<number, Map<string, unknown>>();
  const formsOf = (contentVersion: number): Map<string, unknown> | null => {
    const kept = catalogues.get(contentVersion);
    if (kept) return kept;
    const bytes = library.file(contentVersion, CATALOGUE_PART);
    if (!bytes) return null;
    const document = JSON.parse(bytes.toString('utf8')) as { forms?: { id?: unknown; version?: unknown }[] };
    const forms = new Map((document.forms ?? []).map((form) => [`${String(form.id)}@${String(form.version)}`, form as unknown]));
    if (catalogues.size >= KEPT_CATALOGUES) catalogues.delete(catalogues.keys().next().value!);
    catalogues.set(contentVersion, forms);
    return forms;
  };
  return (contentVersion, formId, formVersion) => {
    const form = formsOf(contentVersion)?.get(`${formId}@${formVersion}`);
    // A published package passed the full content check; parsing again gives the form its type.
    const parsed = form === undefined ? undefined : formDefinitionSchema.safeParse(form);
    return parsed?.success ? parsed.data : null;
  };
}
