import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN = [/from ['"](\.\.\/)+adapters\//, /from ['"]botbuilder/, /from ['"]@slack\//, /from ['"](node:)?https?['"]/, /from ['"]botframework-/];

describe('the core', () => {
  it.each(files('src'))('%s imports no adapter, platform SDK or node:http', (file) => {
    const source = readFileSync(file, 'utf8');
    for (const pattern of FORBIDDEN) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
  });

  it('keeps every source file under 400 lines', () => {
    const long = [...files('src'), ...files('adapters')].filter((file) => readFileSync(file, 'utf8').split('\n').length > 400);
    expect(long).toEqual([]);
  });
});
