import type { ComponentType } from 'react';
import type { SectionId } from '../sections.js';
import { ApplicationsPage } from './ApplicationsPage.js';
import { AuditPage } from './AuditPage.js';
import { ContentPage } from './ContentPage.js';
import { FleetPage } from './FleetPage.js';
import { KiosksPage } from './KiosksPage.js';
import type { SectionPageProps } from './section-page.js';
import { StaffPage } from './StaffPage.js';

/** Each section's page; each has its own file and its own namespace of strings (locales/<language>/<section>.json). */
export const SECTION_PAGES = {
  fleet: FleetPage,
  applications: ApplicationsPage,
  content: ContentPage,
  kiosks: KiosksPage,
  staff: StaffPage,
  audit: AuditPage,
} as const satisfies Record<SectionId, ComponentType<SectionPageProps>>;
