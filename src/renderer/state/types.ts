import type { StateCreator } from 'zustand';
import type {
  CategorySummary,
  ChannelRequest,
  ChannelResponse,
  ContentStatus,
  EnrolmentOutcome,
  EnrolmentStatus,
  InstallOutcome,
  KioskInfo,
  ServiceDetail,
  SignedInStaffView,
  ServiceSummary,
  StartedApplication,
  SubmittedApplication,
  SyncStatusView,
  UpdateStatusView,
} from '../../shared/contract/ipc.js';
import type { ErrorCode, HostError } from '../../shared/contract/result.js';
import type { Language } from '../../shared/domain/languages.js';
import type { FieldIssue } from '../../shared/forms/form-engine.js';
import type { AnswerValue, Answers } from '../../shared/forms/form-schema.js';

/**
 * The shape of the renderer's state, slice by slice. The slices implement these interfaces and
 * depend on this module, never on the store that composes them.
 */

export type Screen =
  | 'attract'
  | 'language'
  | 'catalogue'
  | 'category'
  | 'service'
  | 'application'
  | 'lookup'
  | 'service-panel'
  | 'staff-sign-in'
  | 'clerk-home'
  | 'clerk-queue';

/** Data a screen loads from the host, with the state of that load. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  value?: T;
  error?: ErrorCode;
}

/** How a screen failed (the contract's SCREEN_FAILURE_KINDS). */
export type ScreenFailureKind = 'threw' | 'too-slow';

export interface VisitSlice {
  screen: Screen;
  language: Language;
  categoryId?: string;
  serviceId?: string;
  /** Where "change language" came from, so choosing a language returns the visitor there. */
  returnScreen?: Screen;
  startVisit: () => void;
  changeLanguage: () => void;
  chooseLanguage: (language: Language) => void;
  openCategory: (categoryId: string) => void;
  openService: (serviceId: string) => void;
  goBack: () => void;
  /** Ends the visit: every visit-scoped field goes back to its initial value. */
  endVisit: () => void;
  /** Exit asks first; the visit ends only when the visitor confirms. */
  confirmingExit: boolean;
  /** Set when the screen in use failed: the visitor sees the failure screen until the visit ends. */
  screenFailure?: ScreenFailureKind;
  /** The screen threw or its form ran past its time budget: show the failure screen and tell the host. */
  screenFailed: (kind: ScreenFailureKind, errorName: string) => void;
  requestExit: () => void;
  cancelExit: () => void;
}

export interface PresentationSlice {
  /** Visit-scoped reading aids: survive page changes within a visit, reset when it ends. */
  largeText: boolean;
  highContrast: boolean;
  toggleLargeText: () => void;
  toggleHighContrast: () => void;
}

export interface CatalogueSlice {
  categories: Loadable<CategorySummary[]>;
  /** The open category's services loaded so far: its first page, then each page the visitor asked for. */
  services: Loadable<ServiceSummary[]>;
  /** Whether the next page of the category is being fetched, or the last try failed. */
  servicesPaging: 'idle' | 'loading' | 'failed';
  loadMoreServices: () => void;
  service: Loadable<ServiceDetail>;
  searchQuery: string;
  searchResults: Loadable<ServiceSummary[]>;
  setSearchQuery: (query: string) => void;
  /** Reloads whatever the current screen shows (after a language change or a content update). */
  reloadScreen: () => void;
}

export type LookupResult = ChannelResponse<'lookupApplication'>;

export interface LookupSlice {
  lookupQuery: string;
  lookupResult: Loadable<LookupResult>;
  /** The looked-up application's service, titled in the visitor's language; absent until the catalogue answers. */
  lookupServiceTitle?: string;
  /** Receipt numbers this visit has asked about (a number refused as malformed does not count); at MAX_LOOKUPS_PER_VISIT the visitor is sent to the counter. */
  lookupsThisVisit: number;
  openLookup: () => void;
  setLookupQuery: (query: string) => void;
  runLookup: () => Promise<void>;
}

export interface KioskInfoSlice {
  info?: KioskInfo;
  /** Set when the host could not start (its database cannot be used): the operator code the screen shows. */
  outOfService?: string;
  loadKioskInfo: () => Promise<void>;
}

export interface SyncSlice {
  /** Delivery state and queue counts for staff: loaded when a screen that shows them opens, then pushed by the host. */
  syncStatus?: SyncStatusView;
  loadSyncStatus: () => Promise<void>;
  syncStatusChanged: (status: SyncStatusView) => void;
  syncNow: () => Promise<void>;
}

export type PanelAction = { kind: 'check' | 'import'; outcome: InstallOutcome | { outcome: 'busy' } };

export interface ServicePanelSlice {
  contentStatus: Loadable<ContentStatus>;
  lastAction?: PanelAction;
  openServicePanel: () => void;
  refreshContentStatus: () => Promise<void>;
  contentStatusChanged: (status: ContentStatus) => void;
  checkForContentUpdate: () => Promise<void>;
  importFromRemovableMedia: () => Promise<void>;
  /** Whether the kiosk holds a portal credential (never the credential). */
  enrolment: Loadable<EnrolmentStatus>;
  /** Trades a typed enrolment code for the kiosk's credential; a refusal by the host (FORBIDDEN) as its code. */
  enrolKiosk: (code: string) => Promise<EnrolmentOutcome | { outcome: 'failed'; code: string }>;
  /** Where the kiosk's own software update stands, loaded when the panel opens. */
  updateStatus: Loadable<UpdateStatusView>;
}

export type StaffSignInRequest = ChannelRequest<'signInStaff'>;
export type ClerkQueue = ChannelResponse<'listQueue'>;

export interface ClerkQueueSlice {
  clerkQueue: Loadable<ClerkQueue>;
  /** How each reprint from the queue went, by receipt number. */
  queueReprints: Record<string, PrintState>;
  openClerkQueue: () => void;
  loadClerkQueue: () => Promise<void>;
  reprintReceipt: (receiptNumber: string) => Promise<void>;
}

export interface StaffSlice {
  /** Who is signed in on this kiosk, as the host answered; kept until sign-out, not reset by the end of a visit. */
  staff?: SignedInStaffView;
  /** The language the staff member chose on the sign-in screen: the clerk's screens return to it after each visitor. */
  staffLanguage: Language;
  /** A staff card number read on the attract screen, for the sign-in screen to start with. */
  staffSignInCard?: string;
  /** "Next visitor" asks first: it erases the answers on screen. */
  confirmingNextVisitor: boolean;
  openStaffSignIn: (cardNumber?: string) => void;
  /** The language of the staff screens, chosen on the sign-in screen; the end of the session returns to Kyrgyz. */
  chooseStaffLanguage: (language: Language) => void;
  /** Signs in and opens the signed-in person's screen; answers the host's refusal for the sign-in screen to word. */
  signInStaff: (request: StaffSignInRequest) => Promise<HostError | undefined>;
  /** Signs out on the host and returns to the attract screen. */
  signOutStaff: () => Promise<void>;
  /** The clerk's idle timer ran out: everything is wiped and the host records an idle sign-out. */
  staffIdleTimedOut: () => Promise<void>;
  /** A clerk starts a visit for the visitor at the counter. */
  helpVisitor: () => void;
  requestNextVisitor: () => void;
  cancelNextVisitor: () => void;
  /** Erases this visitor's answers and starts the next visitor's visit; the clerk stays signed in. */
  nextVisitor: () => void;
  /** Ends the visitor's visit and returns to the clerk's home. */
  openClerkHome: () => void;
  /** Touches on the kiosk tell the host, at most every 30 s, that its staff member is still here. */
  keepStaffSessionAlive: () => Promise<void>;
  /** The host ended the session (its idle limit, or new content without the record): the page wipes and signs out too. */
  staffSessionEnded: () => void;
}

export type ApplicationPhase = 'starting' | 'consent' | 'question' | 'check' | 'declaration' | 'submitting' | 'receipt' | 'failed';
export type PrintState = { status: 'idle' | 'printing' } | { status: 'done'; outcome: 'printed' | 'saved' | 'NO_PRINTER' | 'PRINT_FAILED' };

/**
 * The application a visitor is filling. Answers live here, in the page's memory, and nowhere
 * else: never web storage, never logs. Ending the visit drops the whole object.
 */
export interface ApplicationInProgress {
  phase: ApplicationPhase;
  started?: StartedApplication;
  answers: Answers;
  pageId?: string;
  /** Issues shown on the current page after the visitor pressed Continue. */
  shownIssues: FieldIssue[];
  /** Counts refused Continues, so the error summary takes focus then and not while the visitor types. */
  refusedContinues: number;
  /** Came to this page from "Change" on the check screen: Continue returns there. */
  returnToCheck: boolean;
  receipt?: SubmittedApplication;
  error?: ErrorCode;
  print: PrintState;
}

export interface ApplicationSlice {
  application?: ApplicationInProgress;
  startApplication: (serviceId: string) => Promise<void>;
  acceptConsent: () => void;
  declineConsent: () => void;
  setAnswer: (fieldId: string, value: AnswerValue) => void;
  continueFromPage: () => void;
  backFromPage: () => void;
  changeAnswer: (pageId: string) => void;
  confirmCheck: () => void;
  backToCheck: () => void;
  submitApplication: () => Promise<void>;
  /** The host composes and prints the receipt of this number; the page sends nothing else. */
  printReceipt: (receiptNumber: string) => Promise<void>;
  /** The host delivered an application: if it is the one on screen, its receipt now says "sent". */
  applicationDelivered: (receiptNumber: string) => void;
}

export type KioskState = VisitSlice &
  PresentationSlice &
  CatalogueSlice &
  LookupSlice &
  KioskInfoSlice &
  SyncSlice &
  ServicePanelSlice &
  StaffSlice &
  ClerkQueueSlice &
  ApplicationSlice;

/**
 * Everything that belongs to one visitor. Ending a visit sets each of these back to its initial
 * value; every key is required (an optional field too), so a default left out does not compile.
 */
export type VisitScopedKey =
  | 'screen'
  | 'language'
  | 'categoryId'
  | 'serviceId'
  | 'returnScreen'
  | 'confirmingExit'
  | 'screenFailure'
  | 'largeText'
  | 'highContrast'
  | 'categories'
  | 'services'
  | 'servicesPaging'
  | 'service'
  | 'searchQuery'
  | 'searchResults'
  | 'lookupQuery'
  | 'lookupResult'
  | 'lookupServiceTitle'
  | 'lookupsThisVisit'
  | 'lastAction'
  | 'staffSignInCard'
  | 'confirmingNextVisitor'
  | 'clerkQueue'
  | 'queueReprints'
  | 'application';
export type VisitScopedState = { [K in VisitScopedKey]-?: KioskState[K] };

/** One slice of the composed state: it sees the whole state and contributes its own part. */
export type SliceCreator<Slice> = StateCreator<KioskState, [], [], Slice>;
