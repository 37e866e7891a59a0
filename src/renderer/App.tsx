import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AttractScreen } from './screens/AttractScreen.js';
import { CatalogueScreen } from './screens/CatalogueScreen.js';
import { LanguageScreen } from './screens/LanguageScreen.js';
import { useKioskStore } from './store.js';

export function App() {
  const screen = useKioskStore((state) => state.screen);
  const language = useKioskStore((state) => state.language);
  const loadKioskInfo = useKioskStore((state) => state.loadKioskInfo);
  const { i18n } = useTranslation();

  useEffect(() => {
    void loadKioskInfo();
  }, [loadKioskInfo]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  switch (screen) {
    case 'attract':
      return <AttractScreen />;
    case 'language':
      return <LanguageScreen />;
    case 'catalogue':
      return <CatalogueScreen />;
  }
}
