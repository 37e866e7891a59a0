import type { ServiceSummary } from '../../shared/ipc-contract.js';
import type { Language, LocalizedText } from '../../shared/languages.js';
import type { KioskDatabase } from './database.js';

export interface CatalogueService {
  id: string;
  priceSom: number;
  processingDays: number;
  isDemo: boolean;
  title: LocalizedText;
  summary: LocalizedText;
}

interface ServiceRow {
  id: string;
  title: string;
  summary: string;
  price_som: number;
  processing_days: number;
  is_demo: number;
}

/** The services a visitor can browse, read from the kiosk's own database so the catalogue works offline. */
export class Catalogue {
  private readonly listStatement;

  constructor(private readonly db: KioskDatabase) {
    this.listStatement = db.prepare<[Language], ServiceRow>(`
      SELECT s.id, t.title, t.summary, s.price_som, s.processing_days, s.is_demo
      FROM service s JOIN service_text t ON t.service_id = s.id AND t.language = ?
      ORDER BY s.sort_order, s.id`);
  }

  listServices(language: Language): ServiceSummary[] {
    return this.listStatement.all(language).map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      priceSom: row.price_som,
      processingDays: row.processing_days,
      isDemo: row.is_demo === 1,
    }));
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM service LIMIT 1').get() === undefined;
  }

  /** Replaces the whole catalogue in one transaction, so a reader never sees half of it. */
  replaceAll(services: readonly CatalogueService[]): void {
    const insertService = this.db.prepare(
      'INSERT INTO service (id, sort_order, price_som, processing_days, is_demo) VALUES (?, ?, ?, ?, ?)',
    );
    const insertText = this.db.prepare(
      'INSERT INTO service_text (service_id, language, title, summary) VALUES (?, ?, ?, ?)',
    );
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM service').run();
        services.forEach((service, index) => {
          insertService.run(service.id, index, service.priceSom, service.processingDays, service.isDemo ? 1 : 0);
          for (const language of ['ky', 'ru', 'en'] as const) {
            insertText.run(service.id, language, service.title[language], service.summary[language]);
          }
        });
      })
      .immediate();
  }
}
