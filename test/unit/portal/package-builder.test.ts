import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentBuildError, buildPackage } from '../../../src/portal/content/package-builder.js';
import { packageReader } from '../../../src/portal/content/package-files.js';
import { MANIFEST_FILE } from '../../../src/shared/content/content-schema.js';
import { verifyPackage } from '../../../src/shared/content/package-verification.js';
import { signPackage } from '../../../src/portal/content/package-builder.js';
import { testKeys } from '../../support/content-fixtures.js';
import { useTempFolder } from '../../support/temp-folder.js';

const tempFolder = useTempFolder();
const SOURCE = 'resources/content-source';

/** A copy of the sample content with one file edited, as an administrator's mistake would leave it. */
function sourceWith(file: string, edit: (json: Record<string, unknown>) => void): string {
  const folder = join(tempFolder(), 'source');
  cpSync(SOURCE, folder, { recursive: true });
  const path = join(folder, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return folder;
}

function buildProblems(source: string): string[] {
  try {
    buildPackage(source, new Date());
  } catch (error) {
    if (error instanceof ContentBuildError) return error.problems;
    throw error;
  }
  return [];
}

describe('content package builder', () => {
  it('builds the sample content into a package that verifies once signed', async () => {
    const files = buildPackage(SOURCE, new Date('2026-11-21T00:00:00Z'));
    const manifest = JSON.parse(Buffer.from(files.get(MANIFEST_FILE)!).toString('utf8')) as { version: number; parts: { path: string }[] };
    expect(manifest.parts.map((part) => part.path)).toContain('catalogue.json');
    expect(manifest.parts.filter((part) => part.path.startsWith('samples/')).length).toBe(14);
    const keys = testKeys('builder-key');
    const verified = await verifyPackage(packageReader(signPackage(files, keys.signing)), {
      trustAnchors: [keys.anchor],
      currentVersion: null,
      appVersion: '0.1.0',
      now: new Date('2026-11-22T00:00:00Z'),
    });
    expect(verified.catalogue.services).toHaveLength(14);
    expect(verified.catalogue.legalTexts.map((text) => text.kind).sort()).toEqual(['certification-centre-policy', 'privacy-policy', 'user-agreement']);
    expect(verified.catalogue.settings.support.email).toBe('kattargrs@gmail.com');
  });

  it('names the file and field of a missing translation', () => {
    const source = sourceWith('services/birth-registration.json', (json) => {
      delete (json.title as Record<string, string>).ru;
    });
    expect(buildProblems(source)).toContainEqual(expect.stringMatching(/^services\/birth-registration\.json: title\.ru: /));
  });

  it('names the file and field of an unknown form id', () => {
    const source = sourceWith('services/birth-registration.json', (json) => {
      json.formId = 'form-that-does-not-exist';
    });
    expect(buildProblems(source)).toEqual(['services/birth-registration.json: formId: unknown form id form-that-does-not-exist']);
  });

  it('names the file and field of a malformed price', () => {
    const source = sourceWith('services/id-card-first.json', (json) => {
      (json.price as Record<string, unknown>).amountSom = 510.5;
    });
    expect(buildProblems(source)).toEqual(['services/id-card-first.json: price.amountSom: a price is a whole number of som']);
  });

  it('the CLI exits non-zero with the problem on its error output', () => {
    const source = sourceWith('services/id-card-first.json', (json) => {
      (json.price as Record<string, unknown>).amountSom = -1;
    });
    const result = spawnSync(process.execPath, ['dist/portal/content-cli.js', 'build', source, '--out', join(tempFolder(), 'out')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services/id-card-first.json: price.amountSom');
    const usage = spawnSync(process.execPath, ['dist/portal/content-cli.js', 'sign'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('sign needs a package folder');
  });
});
