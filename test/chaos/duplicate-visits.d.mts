export declare const visitToken: (index: number) => string;
export declare function duplicateVisitsAt(
  portalDatabaseFile: string,
  privateKeyJwk: JsonWebKey,
): Promise<{ rows: number; visits: number; duplicates: number; untokened: number }>;
