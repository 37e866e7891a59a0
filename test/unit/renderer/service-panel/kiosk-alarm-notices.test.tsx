import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KIOSK_ALARMS } from '../../../../src/shared/contract/kiosk-alarms.js';
import { LANGUAGES } from '../../../../src/shared/domain/languages.js';
import { KioskAlarmNotices } from '../../../../src/renderer/features/service-panel/KioskAlarmNotices.js';
import { initI18n } from '../../../../src/renderer/i18n.js';

const i18n = initI18n('en');

describe("the service panel's notices of the kiosk's own alarms", () => {
  it('says each alarm in words, as an alert, in every language, and nothing when there is none', async () => {
    for (const language of LANGUAGES) {
      await i18n.changeLanguage(language);
      const markup = renderToStaticMarkup(<KioskAlarmNotices alarms={['disk-full', 'log-writes-failing']} />);
      expect(markup.match(/role="alert"/g), language).toHaveLength(2);
      for (const alarm of ['disk-full', 'log-writes-failing'] as const) {
        const words = i18n.t(`service-panel:kioskAlarms.${alarm}`);
        expect(words, `${language} ${alarm}`).not.toContain('kioskAlarms');
        expect(markup, `${language} ${alarm}`).toContain(`data-alarm="${alarm}"`);
        expect(markup.replace(/&#x27;/g, "'"), `${language} ${alarm}`).toContain(words);
      }
      expect(markup).not.toContain('data-alarm="out-of-service"');
    }
    // Each alarm has its own words: a panel that said the same thing for all would tell staff nothing.
    await i18n.changeLanguage('en');
    expect(new Set(KIOSK_ALARMS.map((alarm) => i18n.t(`service-panel:kioskAlarms.${alarm}`))).size).toBe(KIOSK_ALARMS.length);
    expect(renderToStaticMarkup(<KioskAlarmNotices alarms={[]} />)).toBe('');
  });
});
