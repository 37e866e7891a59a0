import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Catalogue } from './catalogue.js';
import { openDatabase } from './database.js';
import { DEMO_OFFICE_NAME, DEMO_SERVICES } from './demo-catalogue.js';
import { KioskSettings } from './kiosk-settings.js';
import { createFileLogger, type Logger } from './logger.js';
import { createRouter, type Router } from './router.js';

export interface KioskHostOptions {
  dataFolder: string;
  appVersion: string;
  clock?: () => Date;
  log?: Logger;
}

export interface KioskHost {
  readonly router: Router;
  readonly log: Logger;
  readonly databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite';

/**
 * The composition root of the kiosk host: it opens the database, wires the services with their
 * dependencies and exposes the router that both shells put in front of the renderer.
 */
export function startKioskHost(options: KioskHostOptions): KioskHost {
  const clock = options.clock ?? (() => new Date());
  mkdirSync(join(options.dataFolder, 'logs'), { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(join(options.dataFolder, 'logs', 'kiosk.log'), clock);
  const databaseFile = join(options.dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);

  const catalogue = new Catalogue(db);
  const settings = new KioskSettings(db);
  if (catalogue.isEmpty()) {
    catalogue.replaceAll(DEMO_SERVICES);
    settings.setOfficeName(DEMO_OFFICE_NAME);
    log.info('demo_catalogue_seeded', { services: DEMO_SERVICES.length });
  }

  const router = createRouter(
    {
      getKioskInfo: () => ({
        appVersion: options.appVersion,
        officeName: settings.officeName() ?? DEMO_OFFICE_NAME,
      }),
      listServices: ({ language }) => catalogue.listServices(language),
    },
    log,
  );
  log.info('host_ready', { appVersion: options.appVersion });

  return {
    router,
    log,
    databaseFile,
    close: () => {
      if (db.open) db.close();
    },
  };
}
