import type { TestProject } from 'vitest/node';
import { startTestMysqlServer } from './mysql-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The MySQL server URL every database test in this run uses. */
    mysqlUrl: string;
  }
}

/** Vitest global setup for database-backed projects: one server for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestMysqlServer();
  project.provide('mysqlUrl', server.url);
  return () => server.stop();
}
