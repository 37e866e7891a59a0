/** The portal's structured log: an event name and routes, codes, counts and receipt numbers; never a request body. */
export type PortalLog = (event: string, fields?: Record<string, string | number>) => void;
