import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../../src/shared/contract/result.js';
import type { CategorySummary } from '../../../../src/shared/contract/ipc.js';
import { deferred, fakeHost, settle, storeWith } from './fake-host.js';

const category = (id: string, title: string): CategorySummary => ({ id, title, description: '', icon: 'document', serviceCount: 1 });

describe('catalogue slice', () => {
  it('stores the error code and no value when a load fails', async () => {
    const host = fakeHost({ listCategories: () => fail('INTERNAL', 'database is locked') });
    const store = storeWith(host.api);
    store.getState().startVisit();
    store.getState().chooseLanguage('ru');
    await settle();
    expect(store.getState().categories).toEqual({ status: 'failed', error: 'INTERNAL' });
  });

  it('stores the value of a load that succeeds, in the visitor language', async () => {
    const host = fakeHost({ listCategories: ({ language }) => ok([category('civil', `Civil (${language})`)]) });
    const store = storeWith(host.api);
    store.getState().chooseLanguage('en');
    await settle();
    expect(store.getState().categories).toEqual({ status: 'ready', value: [category('civil', 'Civil (en)')] });
  });

  it('drops an answer that arrives after the visitor changed language', async () => {
    const russian = deferred<Result<CategorySummary[]>>();
    const host = fakeHost({
      listCategories: ({ language }) => (language === 'ru' ? russian.promise : ok([category('civil', 'Civil (en)')])),
    });
    const store = storeWith(host.api);
    store.getState().chooseLanguage('ru');
    store.getState().changeLanguage();
    store.getState().chooseLanguage('en');
    await settle();
    russian.resolve(ok([category('civil', 'Гражданские')]));
    await settle();
    expect(store.getState().categories.value?.[0]?.title).toBe('Civil (en)');
  });
});
