import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../src/portal/storage/group-commit.js';

describe('group commit of the portal intake', () => {
  it('puts the writes that arrive together in one batch, and answers each its own outcome', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, string>({
      batch: (items) => {
        batches.push(items);
        return Promise.resolve(items.map((item) => `stored ${item}`));
      },
      one: (item) => {
        batches.push([item]);
        return Promise.resolve(`stored ${item}`);
      },
    });
    expect(await Promise.all([1, 2, 3].map((item) => commit.write(item)))).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await commit.write(4)).toBe('stored 4');
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('when a batch fails as a whole, tries each write alone, so only the bad one fails', async () => {
    const commit = new GroupCommit<number, string>({
      batch: () => Promise.reject(new Error('constraint')),
      one: (item) => (item === 2 ? Promise.reject(new Error(`bad ${item}`)) : Promise.resolve(`stored ${item}`)),
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => commit.write(item)));
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message))).toEqual(['stored 1', 'bad 2', 'stored 3']);
  });

  it('keeps a batch within its limit and commits the rest next', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>({
      batch: (items) => (sizes.push(items.length), Promise.resolve(items)),
      one: (item) => (sizes.push(1), Promise.resolve(item)),
      maxBatch: 2,
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => commit.write(item)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });
});
