import type {
  BusinessCalendarTable,
  CustomerChangeTable,
  CustomerChangeWriterTable,
} from './business-calendar.table.ts';
import type { CustomerTable } from './customer.table.ts';

/** The customer service's own database (`<prefix>customer`). */
export interface Database {
  customer: CustomerTable;
  business_calendar: BusinessCalendarTable;
  customer_change: CustomerChangeTable;
  customer_change_writer: CustomerChangeWriterTable;
}
