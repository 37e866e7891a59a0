import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationScreen } from './features/application/ApplicationScreen.js';
import { IdleGuard } from './features/visit/IdleGuard.js';
import { ScreenErrorBoundary, errorNameOf, failureKindOf } from './features/visit/ScreenErrorBoundary.js';
import { OutOfService } from './features/visit/OutOfService.js';
import { ScreenFailed } from './features/visit/ScreenFailed.js';
import { ExitDialog, VisitBar } from './features/visit/VisitControls.js';
import { kioskHost } from './host/kiosk-client.js';
import { AttractScreen } from './features/attract/AttractScreen.js';
import { CatalogueScreen } from './features/catalogue/CatalogueScreen.js';
import { CategoryScreen } from './features/catalogue/CategoryScreen.js';
import { LanguageScreen } from './features/language/LanguageScreen.js';
import { LookupScreen } from './features/lookup/LookupScreen.js';
import { ServicePanelScreen } from './features/service-panel/ServicePanelScreen.js';
import { ServiceScreen } from './features/catalogue/ServiceScreen.js';
import { AssistBanner, NextVisitorDialog } from './features/staff/AssistBanner.js';
import { ClerkHomeScreen } from './features/staff/ClerkHomeScreen.js';
import { ClerkQueueScreen } from './features/staff/ClerkQueueScreen.js';
import { StaffSessionEnd } from './features/staff/StaffSessionEnd.js';
import { StaffSignInScreen } from './features/staff/StaffSignInScreen.js';
import { followHostEvents, useKioskStore, type Screen } from './state/store.js';

export function App() {
  const screen = useKioskStore((state) => state.screen);
  const language = useKioskStore((state) => state.language);
  const loadKioskInfo = useKioskStore((state) => state.loadKioskInfo);
  const { i18n, t } = useTranslation();

  useEffect(() => {
    void loadKioskInfo();
    return followHostEvents(useKioskStore, kioskHost);
  }, [loadKioskInfo]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const largeText = useKioskStore((state) => state.largeText);
  const highContrast = useKioskStore((state) => state.highContrast);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
    document.documentElement.classList.toggle('high-contrast', highContrast);
  }, [largeText, highContrast]);

  const screenFailure = useKioskStore((state) => state.screenFailure);
  const screenFailed = useKioskStore((state) => state.screenFailed);
  useEffect(() => {
    // A touch handler that throws is outside any boundary: it fails the screen the same way.
    const onError = (event: ErrorEvent) => {
      if (event.error instanceof Error) screenFailed(failureKindOf(event.error), errorNameOf(event.error));
    };
    window.addEventListener('error', onError);
    return () => window.removeEventListener('error', onError);
  }, [screenFailed]);

  const outOfService = useKioskStore((state) => state.outOfService);
  const demo = useKioskStore((state) => state.info?.demo ?? false);
  const inVisit = !STAFF_SCREENS.has(screen);
  if (outOfService) return <OutOfService operatorCode={outOfService} />;
  return (
    <>
      {/* On every screen, never dismissed: a kiosk trusting the repository's demo keys must not take real applications unnoticed. */}
      {demo && (
        <p className="demo-mark" data-testid="demo-mark">
          {t('common:demoMark')}
        </p>
      )}
      <AssistBanner />
      {inVisit && <VisitBar />}
      {screenFailure ? (
        <ScreenFailed />
      ) : (
        <ScreenErrorBoundary key={screen} onFailure={screenFailed}>
          <CurrentScreen screen={screen} />
        </ScreenErrorBoundary>
      )}
      <ExitDialog />
      <NextVisitorDialog />
      <IdleGuard />
      <StaffSessionEnd />
    </>
  );
}

/** Screens without a visitor's bar: the attract screen and those for staff. */
const STAFF_SCREENS: ReadonlySet<Screen> = new Set<Screen>(['attract', 'service-panel', 'staff-sign-in', 'clerk-home', 'clerk-queue']);

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'attract':
      return <AttractScreen />;
    case 'language':
      return <LanguageScreen />;
    case 'catalogue':
      return <CatalogueScreen />;
    case 'category':
      return <CategoryScreen />;
    case 'service':
      return <ServiceScreen />;
    case 'application':
      return <ApplicationScreen />;
    case 'lookup':
      return <LookupScreen />;
    case 'service-panel':
      return <ServicePanelScreen />;
    case 'staff-sign-in':
      return <StaffSignInScreen />;
    case 'clerk-home':
      return <ClerkHomeScreen />;
    case 'clerk-queue':
      return <ClerkQueueScreen />;
  }
}
