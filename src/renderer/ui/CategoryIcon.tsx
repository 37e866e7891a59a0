import type { CategorySummary } from '../../shared/contract/ipc.js';

/** Simple line pictograms; each tile also carries its label, never the icon alone. */
const PATHS: Record<CategorySummary['icon'], string> = {
  'id-card': 'M6 14h52v36H6z M14 24h14v16H14z M34 26h18 M34 34h18 M34 42h12',
  passport: 'M14 6h36v52H14z M32 32m-10 0a10 10 0 1 0 20 0a10 10 0 1 0-20 0 M22 48h20',
  home: 'M8 30L32 10l24 20 M14 26v28h36V26 M26 54V38h12v16',
  family: 'M20 20m-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0 M44 20m-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0 M8 52c0-12 6-18 12-18s12 6 12 18 M32 52c0-12 6-18 12-18s12 6 12 18',
  property: 'M10 54V22l22-12 22 12v32z M22 54V34h20v20 M32 10v12',
  vehicle: 'M8 40l6-16h36l6 16v10H8z M18 50m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0 M46 50m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0 M14 32h36',
  signature: 'M8 46c10-20 14-20 16-8s6 8 10-4 8-4 8 4 4 6 14 2 M8 54h48',
  document: 'M14 6h26l10 10v42H14z M40 6v10h10 M22 28h20 M22 36h20 M22 44h14',
};

export function CategoryIcon({ icon }: { icon: CategorySummary['icon'] }) {
  return (
    <svg className="category-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d={PATHS[icon]} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
