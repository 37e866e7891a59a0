import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYOUT_FOR_LANGUAGE, type KeyboardLayoutName } from '../../ui/keyboard/layouts.js';
import { LazyOnScreenKeyboard } from '../../ui/keyboard/lazy-keyboard.js';
import { useKioskStore } from '../../state/store.js';

const MAX_QUERY = 100;

/**
 * The search field on top of the catalogue. Touching it opens the on-screen keyboard with the
 * visitor's layout; a physical keyboard types into the same field. Results follow every key.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const query = useKioskStore((state) => state.searchQuery);
  const setQuery = useKioskStore((state) => state.setSearchQuery);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const [layout, setLayout] = useState<KeyboardLayoutName>(LAYOUT_FOR_LANGUAGE[language]);
  const input = useRef<HTMLInputElement>(null);

  const applyKey = (key: string) => {
    const current = useKioskStore.getState().searchQuery;
    setQuery(key === 'Backspace' ? current.slice(0, -1) : (current + key).slice(0, MAX_QUERY));
    input.current?.focus();
  };

  return (
    <div className={`search-box${keyboardOpen ? ' with-keyboard' : ''}`}>
      <label htmlFor="service-search" className="search-label">
        {t('catalogue:search.label')}
      </label>
      <div className="search-row">
        <input
          id="service-search"
          ref={input}
          type="search"
          inputMode="none"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={MAX_QUERY}
          value={query}
          placeholder={t('catalogue:search.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          onFocus={() => setKeyboardOpen(true)}
          onClick={() => setKeyboardOpen(true)}
        />
        {query && (
          <button type="button" className="button secondary search-clear" onClick={() => setQuery('')}>
            {t('catalogue:search.clear')}
          </button>
        )}
      </div>
      {keyboardOpen && (
        <LazyOnScreenKeyboard layout={layout} onLayoutChange={setLayout} onKey={applyKey} onClose={() => setKeyboardOpen(false)} />
      )}
    </div>
  );
}
