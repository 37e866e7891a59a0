import { Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../../../src/renderer/ui/preloadable.js';

function Greeting({ name }: { name: string }) {
  return <p>Саламатсызбы, {name}</p>;
}

const inSuspense = (node: React.ReactNode) => renderToStaticMarkup(<Suspense fallback={<i>loading</i>}>{node}</Suspense>);

describe('a part loaded at idle', () => {
  it('waits for its part before it is loaded, and renders at once after the idle load', async () => {
    let loads = 0;
    const Part = preloadable(() => {
      loads++;
      return Promise.resolve(Greeting);
    });
    expect(inSuspense(<Part name="Айгүл" />)).toBe('<i>loading</i>');
    await Part.preload();
    await Part.preload();
    expect(inSuspense(<Part name="Айгүл" />)).toBe('<p>Саламатсызбы, Айгүл</p>');
    expect(loads).toBe(1);
  });

  it('loads again on the next use after a failed load, instead of failing every later one', async () => {
    let attempts = 0;
    const Part = preloadable(() => {
      attempts++;
      return attempts === 1 ? Promise.reject(new Error('the part could not be read')) : Promise.resolve(Greeting);
    });
    await expect(Part.preload()).rejects.toThrow('could not be read');
    await Part.preload();
    expect(attempts).toBe(2);
    expect(inSuspense(<Part name="Бакыт" />)).toBe('<p>Саламатсызбы, Бакыт</p>');
  });
});
