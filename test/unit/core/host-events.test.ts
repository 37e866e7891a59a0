import { describe, expect, it } from 'vitest';
import { HostEvents } from '../../../src/main/core/host-events.js';
import type { HostEvent } from '../../../src/shared/contract/ipc.js';
import { createMemoryLogger } from '../../support/memory-logger.js';

describe('host events', () => {
  it('reach every listener even when one throws, and the failure is logged without the payload', () => {
    const log = createMemoryLogger();
    const events = new HostEvents(log);
    const heard: HostEvent[] = [];
    events.subscribe(() => {
      throw new Error('the window is gone');
    });
    events.subscribe((event) => heard.push(event));
    const event: HostEvent = { name: 'applicationDelivered', payload: { receiptNumber: 'BSK1-0000-1A' } };
    expect(() => events.emit(event)).not.toThrow();
    expect(heard).toEqual([event]);
    expect(log.records).toMatchObject([{ level: 'warn', event: 'host_event_listener_failed', fields: { event: 'applicationDelivered', errorType: 'Error' } }]);
    expect(JSON.stringify(log.records)).not.toContain('BSK1-0000-1A');
  });
});
