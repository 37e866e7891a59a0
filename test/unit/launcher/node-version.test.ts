import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../src/main/launcher/node-version.js';

describe('the launcher’s Node check', () => {
  it('says which Node to use when the one running is older than package.json asks', () => {
    const problem = nodeVersionProblem('20.20.0', '>=24');
    expect(problem).toContain('needs Node 24 or newer; this is Node 20.20.0');
    expect(problem).toContain('npm start');
    expect(problem).toContain('node_modules/.bin/node dist/main/launcher/start.js');
  });

  it('lets the required major and newer ones through', () => {
    expect(nodeVersionProblem('24.0.0', '>=24')).toBeUndefined();
    expect(nodeVersionProblem('26.1.0', '>= 24')).toBeUndefined();
  });
});
