// The kiosk of the disk-full run, inside its own mount namespace with its data folder on a small
// tmpfs: submits applications, and every few of them fills the disk to the last byte, submits on
// the full disk, then frees it. Prints TRY before each submission, ACK only after the host answered
// a receipt, NOT_SAVED when it said so, and what the kiosk's alarms said at each stage.
import { rmSync, writeSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { startChaosKiosk, submitVisit, waitForDrain } from './chaos-kiosk.mjs';

const [disk, portalUrl, token, toSubmit, faults] = process.argv.slice(2);
const dataFolder = join(disk, 'kiosk');
const filler = join(disk, 'filler');
// The real file log, on the same small disk: it must drop lines, never throw.
const host = await startChaosKiosk({ dataFolder, kioskCode: 'DSK1', portalUrl, token });
const say = (line) => process.stdout.write(line + '\n');
const alarms = async () => {
  const status = await host.router.handle('getSyncStatus', {});
  return status.ok ? (status.value.kioskAlarms ?? []).join(',') || 'none' : `refused:${status.error.code}`;
};

/** Writes to the disk until it refuses: the next write of any size fails with ENOSPC. */
function fillDisk() {
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = block.length; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) writeSync(fd, block, 0, size);
      } catch (error) {
        if (error.code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const answers = { lastName: 'Токтосунова', firstName: 'Бермет', birthDate: '1985-04-12', pin: '11204198500012', idCardNumber: 'ID1234567', phone: '0700123456' };
/** Submits one application; true when the visitor was told it was not saved (or could not start one). */
async function submitOne() {
  try {
    return await submitVisit(host, answers, say);
  } catch (error) {
    if (!error.code) throw error;
    say(`NOT_STARTED - ${error.code}`);
    return true;
  }
}

const total = Number(toSubmit);
const every = Math.max(1, Math.floor(total / (Number(faults) + 1)));
let faultsLeft = Number(faults);
for (let index = 0; index < total; index++) {
  await submitOne();
  if (faultsLeft > 0 && (index + 1) % every === 0) {
    faultsLeft--;
    fillDisk();
    say('FULL');
    // A few visitors meet the full disk; the kiosk must stay up and say "not saved". (A commit can
    // still fit in space SQLite already holds, such as a write-ahead log it restarts: that one is
    // saved, and acknowledged.)
    let refused = 0;
    for (let attempt = 0; attempt < 3; attempt++) if (await submitOne()) refused++;
    say(`ALARMS_FULL ${await alarms()} ${refused}`);
    rmSync(filler);
    say(`ALARMS_FREED ${await alarms()}`);
  }
}
say(`ALARMS_END ${await alarms()}`);
await waitForDrain(host, say);
host.close();
