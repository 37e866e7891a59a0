// One life of a kiosk in the chaos run: submits applications until told to stop, printing an ACK
// line only after the host answered with a receipt (what a visitor would be shown). Killed at random.
import { startChaosKiosk, submitVisit, waitForDrain } from './chaos-kiosk.mjs';
import { visitToken } from './duplicate-visits.mjs';

// firstVisit: how many visits the lives before this one began, so every visit's token is new.
const [dataFolder, portalUrl, token, toSubmit, firstVisit] = process.argv.slice(2);
const silent = { info() {}, warn() {}, error() {} };
const host = await startChaosKiosk({ dataFolder, kioskCode: 'CHS1', portalUrl, token, log: silent });
const answers = { lastName: 'Токтосунова', firstName: 'Бермет', birthDate: '1985-04-12', pin: '11204198500012', phone: '0700123456' };
for (let index = 0; index < Number(toSubmit); index++) {
  // Only a failed write is part of the experiment; any other refusal is a fault of this harness.
  await submitVisit(host, { ...answers, idCardNumber: visitToken(Number(firstVisit) + index) }, (line) => process.stdout.write(line + '\n'));
}
process.stdout.write('SUBMITTED\n');
// Then wait for the queue to drain, reporting when it has.
await waitForDrain(host, (line) => process.stdout.write(line + '\n'));
host.close();
