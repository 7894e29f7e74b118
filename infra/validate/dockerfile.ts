/**
 * Offline checks of the Dockerfile: dockerfile-utils (the linter behind the Docker language
 * server: unknown instructions and flags, bad ARG/ENV syntax, …) and a small parser that
 * splits it into stages, so the tests can check what the final image does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { REPO_ROOT } from './kubernetes.ts';

export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

export interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

export interface ParsedDockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  readonly stages: readonly Stage[];
}

export function readDockerfile(): string {
  return readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
}

/** The linter's findings, one line each (`line N: message`). */
export function lintDockerfile(text: string): string[] {
  return validate(text).map((diagnostic) => {
    const message =
      typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return `line ${diagnostic.range.start.line + 1}: ${message}`;
  });
}

/** Instructions with continuation lines joined and comments dropped, grouped by stage. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending !== '' && line.startsWith('#')) return;
    if (pending === '') startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const whole = `${pending}${line}`;
    pending = '';
    const match = /^(\S+)\s*(.*)$/.exec(whole);
    if (match?.[1])
      instructions.push({ keyword: match[1].toUpperCase(), args: match[2] ?? '', line: startLine });
  });

  const globalArgs = new Map<string, string | undefined>();
  const stages: Array<{ from: string; name: string | undefined; instructions: Instruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = instruction.args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name = '', ...value] = instruction.args.split('=');
        globalArgs.set(name, value.length > 0 ? value.join('=') : undefined);
      }
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** The default of `ARG name=value` in a stage, if any. */
export function argDefault(stage: Stage, name: string): string | undefined {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ARG') continue;
    const [argName, ...value] = instruction.args.split('=');
    if (argName === name && value.length > 0) return value.join('=').replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}
