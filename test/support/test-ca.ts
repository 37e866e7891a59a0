import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCa {
  /** The CA's certificate (PEM): what a kiosk pins. */
  caFile: string;
  /** A server certificate for 127.0.0.1 and localhost signed by the CA, and its key (PEM files). */
  certFile: string;
  keyFile: string;
  ca: string;
}

/**
 * A certificate authority made for one test with openssl (EC P-256), and a server certificate it
 * signs for 127.0.0.1: real X.509 and real TLS, so a test shows what a kiosk in a hall would see.
 */
export function makeTestCa(folder: string, name = 'Kyzmat Test CA'): TestCa {
  const path = (file: string) => join(folder, file);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path('ca.key'), '-out', path('ca.pem'), '-days', '2', '-subj', `/CN=${name}`);
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path('server.key'), '-out', path('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(path('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', path('server.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-out', path('server.pem'), '-days', '2', '-extfile', path('server.ext'));
  return { caFile: path('ca.pem'), certFile: path('server.pem'), keyFile: path('server.key'), ca: readFileSync(path('ca.pem'), 'utf8') };
}
