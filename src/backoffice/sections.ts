import type { BackOfficeRole } from '../shared/contract/backoffice.js';
import { roleMayUse } from '../shared/contract/backoffice.js';

/** The back office's sections in the order the navigation lists them, each with the role it needs. */
export const SECTIONS = [
  { id: 'fleet', role: 'administrator' },
  { id: 'applications', role: 'officer' },
  { id: 'content', role: 'administrator' },
  { id: 'kiosks', role: 'administrator' },
  { id: 'staff', role: 'administrator' },
  { id: 'audit', role: 'administrator' },
] as const satisfies readonly { id: string; role: BackOfficeRole }[];
export type SectionId = (typeof SECTIONS)[number]['id'];

/** What a role sees in the navigation: the portal refuses the others anyway, so they are not offered. */
export const sectionsFor = (role: BackOfficeRole) => SECTIONS.filter((section) => roleMayUse(role, section.role));
