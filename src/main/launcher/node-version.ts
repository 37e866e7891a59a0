/**
 * What to tell someone who starts the kiosk with a Node older than package.json's engines asks
 * for (">=24"), or undefined when this Node will do. `npm start` puts the project's own Node
 * first on PATH, so it is the way that always works.
 */
export function nodeVersionProblem(running: string, required: string): string | undefined {
  const minimum = /^>=\s*(\d+)/.exec(required.trim())?.[1];
  const major = Number(running.split('.')[0]);
  if (!minimum || major >= Number(minimum)) return undefined;
  return (
    `Kyzmat Kiosk needs Node ${minimum} or newer; this is Node ${running}. ` +
    `Start it with npm start (which runs the project's own Node ${minimum}), ` +
    'or run node_modules/.bin/node dist/main/launcher/start.js.'
  );
}
