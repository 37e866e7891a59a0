import { useTranslation } from 'react-i18next';
import { KIND_LABELS } from './kind-keys.js';



/** A kind's name in the desk's language; a kind from a newer kiosk (the chain accepts any) is said to be one, its code shown beside. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation('audit');
  return (kind) => (Object.hasOwn(KIND_LABELS, kind) ? t(KIND_LABELS[kind as keyof typeof KIND_LABELS]) : t('entries.unknownKind'));
}
