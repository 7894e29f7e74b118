import {
  type App,
  type Env,
  openApiDocumentOf,
  type ServiceName,
} from '../../packages/service-kit/src/index.ts';
import * as customer from '../../services/customer/src/app.ts';
import * as incoming from '../../services/incoming/src/app.ts';
import { readConfig as readIncomingConfig } from '../../services/incoming/src/config.ts';
import * as outgoing from '../../services/outgoing/src/app.ts';
import type { OpenApiDocument, ServiceDocument } from '../../gateway/src/domain/merge-openapi.ts';

/**
 * Nothing listens on port 1: each service's first connection attempt is refused at once,
 * the service keeps retrying in the background (stopped by close()), and its routes and
 * their schemas are all there. No MySQL is needed, no port is opened, nothing is written.
 */
const NO_DATABASE: Env = {
  MYSQL_URL: 'mysql://root@127.0.0.1:1',
  // The background loops stay off: nothing runs but the route registration.
  DISPATCHER: 'off',
  ORDER_WORKER: 'off',
};

const builders: Readonly<Record<ServiceName, () => Promise<App>>> = {
  customer: () => customer.buildApp(customer.readConfig(NO_DATABASE), false),
  outgoing: () => outgoing.buildApp(outgoing.readConfig(NO_DATABASE), false),
  incoming: () => incoming.buildApp(readIncomingConfig(NO_DATABASE), false, { runWorker: false }),
};

/**
 * Each service's own OpenAPI document, generated from its route schemas as `GET
 * /openapi.json` would answer it, without starting the service or a database.
 */
export async function serviceDocuments(): Promise<ServiceDocument[]> {
  const documents: ServiceDocument[] = [];
  for (const [service, build] of Object.entries(builders) as Array<
    [ServiceName, () => Promise<App>]
  >) {
    const app = await build();
    try {
      await app.ready();
      // A deep copy: the document must not share objects with the app's route schemas.
      const document = JSON.parse(JSON.stringify(openApiDocumentOf(app))) as OpenApiDocument;
      documents.push({ service, document });
    } finally {
      await app.close();
    }
  }
  return documents;
}
