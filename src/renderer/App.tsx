import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
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
import { ServiceScreen } from './features/catalogue/ServiceScreen.js';
import { AssistBanner, NextVisitorDialog } from './features/staff/AssistBanner.js';
import { StaffSessionEnd } from './features/staff/StaffSessionEnd.js';
import { followHostEvents, reportVisits, useKioskStore, type Screen } from './state/store.js';
import { loadFormEngine } from './state/form-engine-loader.js';
import { LazyOnScreenKeyboard } from './ui/keyboard/lazy-keyboard.js';
import { preloadable, preloadWhenIdle } from './ui/preloadable.js';

// The first script carries the visitor's way to a service; an application, the lookup and the staff
// screens come in parts of their own, loaded while the kiosk waits on its attract screen.
const ApplicationScreen = preloadable(async () => (await import('./features/application/ApplicationScreen.js')).ApplicationScreen);
const LookupScreen = preloadable(async () => (await import('./features/lookup/LookupScreen.js')).LookupScreen);
const StaffSignInScreen = preloadable(async () => (await import('./features/staff/StaffSignInScreen.js')).StaffSignInScreen);
const ClerkHomeScreen = preloadable(async () => (await import('./features/staff/ClerkHomeScreen.js')).ClerkHomeScreen);
const ClerkQueueScreen = preloadable(async () => (await import('./features/staff/ClerkQueueScreen.js')).ClerkQueueScreen);
const ServicePanelScreen = preloadable(async () => (await import('./features/service-panel/ServicePanelScreen.js')).ServicePanelScreen);
/** In the order a visitor is likeliest to need them. */
const LATER_PARTS = [LazyOnScreenKeyboard, ApplicationScreen, { preload: loadFormEngine }, LookupScreen, StaffSignInScreen, ClerkHomeScreen, ClerkQueueScreen, ServicePanelScreen];

export function App() {
  const screen = useKioskStore((state) => state.screen);
  const language = useKioskStore((state) => state.language);
  const loadKioskInfo = useKioskStore((state) => state.loadKioskInfo);
  const { i18n, t } = useTranslation();

  useEffect(() => {
    void loadKioskInfo();
    return followHostEvents(useKioskStore, kioskHost);
  }, [loadKioskInfo]);

  useEffect(() => reportVisits(useKioskStore, kioskHost), []);

  useEffect(() => preloadWhenIdle(LATER_PARTS), []);

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
          {/* Shown only if a part is needed before the idle preloading got to it: a blank page for a moment, never a spinner. */}
          <Suspense fallback={<main className="screen-loading" aria-busy="true" />}>
            <CurrentScreen screen={screen} />
          </Suspense>
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
