import type { CustomerTable } from './customer.table.ts';

/** The customer service's own database (`<prefix>customer`). */
export interface Database {
  customer: CustomerTable;
}
