import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../../src/shared/contract/result.js';
import type { CategorySummary, ServiceSummary } from '../../../../src/shared/contract/ipc.js';
import { CATEGORY_PAGE_SIZE } from '../../../../src/renderer/state/catalogue-slice.js';
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

  describe('a large category, a page at a time', () => {
    const summary = (index: number): ServiceSummary => ({
      id: `service-${index}`,
      categoryId: 'civil',
      title: `Service ${index}`,
      summary: '',
      priceSom: 0,
      priceAssumed: false,
      processingDays: 1,
      processingAssumed: false,
      availableHere: true,
    });
    const catalogueOf = (total: number) => Array.from({ length: total }, (_, index) => summary(index));

    function largeCategory(total: number, answer?: (request: { offset?: number; limit?: number }) => Result<ServiceSummary[]> | Promise<Result<ServiceSummary[]>>) {
      const all = catalogueOf(total);
      const host = fakeHost({
        listCategories: () => ok([{ ...category('civil', 'Civil'), serviceCount: total }]),
        listServices: answer ?? (({ offset = 0, limit = total }) => ok(all.slice(offset, offset + limit))),
      });
      const store = storeWith(host.api);
      return { host, store };
    }

    it('asks for the first page only, then appends each next page where the last one ended', async () => {
      const { host, store } = largeCategory(100_000);
      store.getState().chooseLanguage('ky');
      store.getState().openCategory('civil');
      await settle();
      expect(store.getState().services.value).toHaveLength(CATEGORY_PAGE_SIZE);
      store.getState().loadMoreServices();
      store.getState().loadMoreServices(); // a second tap while loading asks for nothing more
      await settle();
      expect(store.getState().services.value?.map((service) => service.id).slice(CATEGORY_PAGE_SIZE - 1, CATEGORY_PAGE_SIZE + 1)).toEqual([
        `service-${CATEGORY_PAGE_SIZE - 1}`,
        `service-${CATEGORY_PAGE_SIZE}`,
      ]);
      expect(store.getState().services.value).toHaveLength(2 * CATEGORY_PAGE_SIZE);
      expect(host.callsTo('listServices')).toEqual([
        { language: 'ky', categoryId: 'civil', limit: CATEGORY_PAGE_SIZE },
        { language: 'ky', categoryId: 'civil', offset: CATEGORY_PAGE_SIZE, limit: CATEGORY_PAGE_SIZE },
      ]);
    });

    it('keeps what was shown and says so when the next page fails', async () => {
      const all = catalogueOf(100);
      const { store } = largeCategory(100, ({ offset = 0, limit = 100 }) => (offset === 0 ? ok(all.slice(0, limit)) : fail('UNAVAILABLE', 'host gone')));
      store.getState().openCategory('civil');
      await settle();
      store.getState().loadMoreServices();
      await settle();
      expect(store.getState().servicesPaging).toBe('failed');
      expect(store.getState().services.value).toHaveLength(CATEGORY_PAGE_SIZE);
    });

    it('drops a page that arrives after the visitor left the category', async () => {
      const later = deferred<Result<ServiceSummary[]>>();
      const all = catalogueOf(100);
      const { store } = largeCategory(100, ({ offset = 0, limit = 100 }) => (offset === 0 ? ok(all.slice(0, limit)) : later.promise));
      store.getState().openCategory('civil');
      await settle();
      store.getState().loadMoreServices();
      store.getState().goBack();
      later.resolve(ok(all.slice(CATEGORY_PAGE_SIZE, 2 * CATEGORY_PAGE_SIZE)));
      await settle();
      store.getState().openCategory('civil');
      await settle();
      expect(store.getState().services.value).toHaveLength(CATEGORY_PAGE_SIZE);
    });
  });
});

