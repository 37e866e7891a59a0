import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceSchema, type Service } from '../../../../src/shared/content/content-schema.js';
import { documentsThatApply } from '../../../../src/shared/content/what-to-bring.js';
import { formDefinitionSchema, type Expression, type FormDefinition } from '../../../../src/shared/forms/form-schema.js';

/** The bundled content's services and forms, each checked by its own schema as the content tool checks them. */
const SOURCE = 'resources/content-source';
const read = (folder: string) =>
  readdirSync(join(SOURCE, folder)).map((file) => JSON.parse(readFileSync(join(SOURCE, folder, file), 'utf8')) as unknown);
const services = new Map(read('services').map((raw) => serviceSchema.parse(raw)).map((service) => [service.id, service]));
const forms = new Map(read('forms').map((raw) => formDefinitionSchema.parse(raw)).map((form) => [form.id, form]));
const TODAY = '2026-12-01';

function service(id: string): Service {
  const found = services.get(id);
  if (!found) throw new Error(`no service ${id} in the bundled content`);
  return found;
}

function fieldIds(form: FormDefinition): Set<string> {
  const ids = new Set<string>();
  const visit = (fields: FormDefinition['pages'][number]['fields']) => {
    for (const field of fields) {
      ids.add(field.id);
      if ('fields' in field && Array.isArray(field.fields)) visit(field.fields);
    }
  };
  for (const page of form.pages) visit(page.fields);
  return ids;
}

function variablesOf(expression: Expression): string[] {
  if (expression === null || typeof expression !== 'object') return [];
  if ('var' in expression && typeof expression.var === 'string') return [expression.var];
  return Object.values(expression).flatMap((operands) => (Array.isArray(operands) ? operands.flatMap(variablesOf) : []));
}

const bring = (serviceId: string, answers: Record<string, unknown>) => documentsThatApply(service(serviceId), answers as never, TODAY);

describe('the bundled content’s document relevance rules', () => {
  it('read only fields that exist in the service’s own form, and at least two services have them', () => {
    const withRules = [...services.values()].filter((candidate) => candidate.requiredDocuments.some((document) => document.relevant !== undefined));
    expect(withRules.length).toBeGreaterThanOrEqual(2);
    for (const candidate of withRules) {
      const ids = fieldIds(forms.get(candidate.formId)!);
      for (const document of candidate.requiredDocuments) {
        for (const variable of document.relevant ? variablesOf(document.relevant) : []) {
          expect(ids.has(variable), `${candidate.id}/${document.id} reads ${variable}`).toBe(true);
        }
      }
    }
  });

  it('ask a couple marrying for a divorce or death certificate only when one of them was married before', () => {
    expect(bring('marriage-registration', { previouslyMarried: false })).not.toContain('previous-marriage-end');
    expect(bring('marriage-registration', { previouslyMarried: true })).toContain('previous-marriage-end');
    expect(bring('marriage-registration', { previouslyMarried: false })).toEqual(['passports-of-both', 'joint-application', 'payment-receipt']);
  });

  it('ask for a name-change certificate only when an ID card is replaced because the name changed', () => {
    expect(bring('id-card-replacement', { reason: 'expired' })).toEqual(['old-id-card', 'payment-receipt']);
    expect(bring('id-card-replacement', { reason: 'name-change' })).toEqual(['old-id-card', 'name-change-certificate', 'payment-receipt']);
  });

  it('ask for the parents’ marriage certificate only when its number was given', () => {
    expect(bring('birth-registration', { fatherKnown: false })).not.toContain('marriage-certificate');
    expect(bring('birth-registration', { fatherKnown: true, marriageCertificateNumber: 'II-БШ 000456' })).toContain('marriage-certificate');
  });

  it('ask a child under 16 for a birth certificate and a parent’s passport, an adult for the ID card', () => {
    expect(bring('foreign-passport', { birthDate: '2015-05-01' })).toEqual(['birth-certificate', 'parent-passport', 'parent-consent', 'payment-receipt']);
    expect(bring('foreign-passport', { birthDate: '1985-04-12' })).toEqual(['id-card', 'parent-consent', 'payment-receipt']);
  });

  it('ask for proof of relationship only for a certificate about someone else', () => {
    expect(bring('civil-certificate-duplicate', { actType: 'birth', aboutSelf: true })).not.toContain('kinship-document');
    expect(bring('civil-certificate-duplicate', { actType: 'birth', aboutSelf: false })).toContain('kinship-document');
    expect(bring('civil-certificate-duplicate', { actType: 'death' })).toContain('kinship-document');
  });

  it('ask for the owner’s consent only from someone who is not the owner, and no current licence when it is lost', () => {
    expect(bring('residence-registration', { basis: 'owner' })).not.toContain('owner-consent');
    expect(bring('residence-registration', { basis: 'rental-contract' })).toContain('owner-consent');
    expect(bring('driving-licence-replacement', { reason: 'lost' })).not.toContain('old-licence');
    expect(bring('driving-licence-replacement', { reason: 'expired' })).toContain('old-licence');
    expect(bring('property-certificate', { certificateForm: 'form-1' })).not.toContain('inheritance-documents');
    expect(bring('property-certificate', { certificateForm: 'form-2' })).toContain('inheritance-documents');
  });
});
