// Generated from openapi.json by `pnpm openapi` (openapi-typescript): do not edit.

export interface paths {
  '/addcustomer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a customer (seed route: use POST /v1/customers)
     * @deprecated
     * @description Working hours in the full form or the shorthand; the customer zone is workingHours.timeZone, else timeZone, else the business's. Names are unique (case-insensitive, trimmed): 409 CUSTOMER_EXISTS.
     */
    post: operations['seedAddCustomer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/incomings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Place an order (seed route: use POST /v1/orders)
     * @deprecated
     */
    post: operations['seedIncomings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/outgoings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a message to customers (seed route: use POST /v1/broadcasts)
     * @deprecated
     */
    post: operations['seedOutgoings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/broadcasts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Broadcasts newest first, each with a count of its messages in every status */
    get: operations['listBroadcasts'];
    put?: never;
    /** Send a message to customers, each inside their delivery window */
    post: operations['createBroadcast'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/broadcasts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A broadcast with a count of its messages in every status */
    get: operations['getBroadcast'];
    put?: never;
    post?: never;
    /** Cancel every message of the broadcast not yet sent */
    delete: operations['cancelBroadcast'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/broadcasts/{id}/recipients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A broadcast's recipients and their messages, page by page */
    get: operations['listBroadcastRecipients'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/broadcasts/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What a broadcast would do — summary, sends per hour, completion — storing nothing
     * @description The body of a broadcast; the same 400/409/422 a real one would get. No Idempotency-Key. The next page of recipients: the same POST with ?cursor=.
     */
    post: operations['previewBroadcast'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/business-calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The business calendar in force, its version, and whether it is open now */
    get: operations['getBusinessCalendar'];
    /**
     * Replace the business calendar
     * @description The body is the schedule itself (full form or shorthand; without a zone, the current calendar's). With `If-Match: "<version>"` it is stored only if that is still the version in force (412 PRECONDITION_FAILED otherwise). Queued messages and pending orders are re-planned within seconds.
     */
    put: operations['replaceBusinessCalendar'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/business-calendar/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add closures from an iCalendar (.ics) file
     * @description Content-Type text/calendar (RFC 5545). Every all-day event becomes a closure named by its SUMMARY (multi-day events a range; DTEND is exclusive); recurring all-day events with COUNT or UNTIL one closure per occurrence. Timed events, endless recurrences and events that conflict with special hours are listed in `ignored` with the reason. Adds to the existing closures; no If-Match needed.
     */
    post: operations['importBusinessCalendar'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List customers
     * @description In id (creation) order, keyset-paginated: pass nextCursor back as cursor. `name` finds the customer with that name, `namePrefix` those whose name starts with it; both compare case-insensitively after trimming.
     */
    get: operations['listCustomers'];
    put?: never;
    /**
     * Register a customer
     * @description Working hours in the full form or the shorthand; the customer zone is workingHours.timeZone, else timeZone, else the business's. Names are unique (case-insensitive, trimmed): 409 CUSTOMER_EXISTS.
     */
    post: operations['createCustomer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a customer, with delivery windows as of now */
    get: operations['getCustomer'];
    put?: never;
    post?: never;
    /**
     * Delete a customer
     * @description Messages still scheduled for the customer are cancelled when they come due.
     */
    delete: operations['deleteCustomer'];
    options?: never;
    head?: never;
    /**
     * Change a customer
     * @description Any of name, workingHours, timeZone, phone (null removes it), consent, validated as on create. workingHours without a zone keep the customer's current zone; timeZone alone moves the current hours to the new zone.
     */
    patch: operations['updateCustomer'];
    trace?: never;
  };
  '/v1/customers/{id}/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why the customer can or cannot be messaged at an instant (default: now) */
    get: operations['explainCustomer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's delivery windows in [from, to), and both sides' hours
     * @description Business calendar ∩ customer hours, clipped to [from, to). Defaults: from = now, to = from + 7 days; at most 31 days. `business` and `customer` give each side on its own (open intervals, named closures and holidays, DST changes): what the console's window timeline draws.
     */
    get: operations['getCustomerWindows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inbound-messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A customer's text: opt-out / opt-in / help keywords, or stored for the business */
    post: operations['receiveInboundMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages newest first, by status, broadcast or customer */
    get: operations['listMessages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message: status, attempts, timestamps and its history */
    get: operations['getMessage'];
    put?: never;
    post?: never;
    /** Cancel one message not yet sent */
    delete: operations['cancelMessage'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why a message's recipient can or cannot be reached at an instant (default: now) */
    get: operations['explainMessage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan a failed message again and retry it */
    post: operations['retryMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders in the order they were accepted, optionally of one status */
    get: operations['listOrders'];
    put?: never;
    /** Place an order */
    post: operations['createOrder'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{orderId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order, by the client's orderId */
    get: operations['getOrder'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @example {
     *       "name": "Asha Rao",
     *       "workingHours": {
     *         "timeZone": "Asia/Kolkata",
     *         "start": "09:00",
     *         "end": "18:00",
     *         "days": [
     *           "mon",
     *           "tue",
     *           "wed",
     *           "thu",
     *           "fri"
     *         ]
     *       },
     *       "phone": "+919876543210"
     *     }
     */
    NewCustomer: {
      /**
       * @description Unique, compared case-insensitively after trimming (and Unicode NFC). Stored trimmed; at most 200 characters after trimming; no control characters.
       * @example Asha Rao
       */
      name: string;
      workingHours: components['schemas']['ScheduleInput'];
      /**
       * @description The customer's IANA time zone, when workingHours names none. Default: the business's zone. Giving a different zone here and in workingHours.timeZone is a 400.
       * @example Asia/Kolkata
       */
      timeZone?: string;
      phone?: string | null;
      /** @description Default: { marketing: DEFAULT_MARKETING_CONSENT } (true unless configured). */
      consent?: {
        /** @description Marketing broadcasts reach the customer only when true (STOP/START by SMS change it too). */
        marketing: boolean;
      };
    };
    /** @description Working hours: {timeZone?, weekly: {mon: [{start, end}], …}, closures?, overrides?, holidays?} or the shorthand {start, end, days?, timeZone?, closures?, overrides?, holidays?}. A missing timeZone means the business's. */
    ScheduleInput:
      | {
          /**
           * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
           * @example Asia/Kolkata
           */
          timeZone?: string;
          weekly: {
            mon?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            tue?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            wed?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            thu?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            fri?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            sat?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            sun?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closures: local dates, or {from, to?, name?} ranges, on which no range starts (an overnight range begun the evening before still runs). */
          closures?: (
            | string
            | {
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                from: string;
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                to?: string;
                /**
                 * @description Shown wherever the closure explains a decision.
                 * @example Winter break
                 */
                name?: string;
              }
          )[];
          /**
           * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
           * @example {
           *       "2026-12-24": [
           *         {
           *           "start": "09:00",
           *           "end": "13:00"
           *         }
           *       ],
           *       "2026-12-31": []
           *     }
           */
          overrides?: {
            [key: string]: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closes every public holiday of that country (and region). */
          holidays?: {
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example IN
             */
            country: string;
            /**
             * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
             * @example MH
             */
            region?: string;
          };
        }
      | {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 10:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 19:00
           */
          end: string;
          days?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
          /**
           * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
           * @example Asia/Kolkata
           */
          timeZone?: string;
          /** @description Closures: local dates, or {from, to?, name?} ranges, on which no range starts (an overnight range begun the evening before still runs). */
          closures?: (
            | string
            | {
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                from: string;
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                to?: string;
                /**
                 * @description Shown wherever the closure explains a decision.
                 * @example Winter break
                 */
                name?: string;
              }
          )[];
          /**
           * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
           * @example {
           *       "2026-12-24": [
           *         {
           *           "start": "09:00",
           *           "end": "13:00"
           *         }
           *       ],
           *       "2026-12-31": []
           *     }
           */
          overrides?: {
            [key: string]: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closes every public holiday of that country (and region). */
          holidays?: {
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example IN
             */
            country: string;
            /**
             * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
             * @example MH
             */
            region?: string;
          };
        };
    Customer: {
      /** @example cus_01JDQ7ZK8Y3S6W2V9T4R5M0N1P */
      id: string;
      name: string;
      phone: string | null;
      consent: components['schemas']['Consent'];
      /** @description The customer's IANA time zone (workingHours.timeZone). */
      timeZone: string;
      workingHours: components['schemas']['Schedule'];
      /** @description Business calendar ∩ customer hours in the next 7 days from now, sorted; the first starts at now when the window is open now. */
      deliveryWindows: components['schemas']['DeliveryWindow'][];
      /** @description False when no window opens within 28 days. */
      reachable: boolean;
      /** @description The earliest instant >= now inside the window (within 28 days), or null. */
      nextDeliveryAt: string | null;
      nextDeliveryAtLocal: string | null;
      warnings: string[];
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      updatedAt: string;
    };
    Consent: {
      /** @description Marketing broadcasts reach the customer only when true (STOP/START by SMS change it too). */
      marketing: boolean;
    };
    Schedule: {
      /**
       * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
       * @example Asia/Kolkata
       */
      timeZone: string;
      weekly: {
        mon: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        tue: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        wed: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        thu: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        fri: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        sat: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
        sun: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
      };
      /** @description Closures: plain dates (one unnamed day) or {from, to, name?} ranges. */
      closures: (
        | string
        | {
            /**
             * @description A local calendar date, YYYY-MM-DD.
             * @example 2026-12-25
             */
            from: string;
            /**
             * @description A local calendar date, YYYY-MM-DD.
             * @example 2026-12-25
             */
            to: string;
            /**
             * @description Shown wherever the closure explains a decision.
             * @example Winter break
             */
            name?: string;
          }
      )[];
      /**
       * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
       * @example {
       *       "2026-12-24": [
       *         {
       *           "start": "09:00",
       *           "end": "13:00"
       *         }
       *       ],
       *       "2026-12-31": []
       *     }
       */
      overrides: {
        [key: string]: {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 09:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 18:00
           */
          end: string;
        }[];
      };
      /** @description Closes every public holiday of that country (and region). */
      holidays?: {
        /**
         * @description ISO 3166-1 alpha-2 country code.
         * @example IN
         */
        country: string;
        /**
         * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
         * @example MH
         */
        region?: string;
      };
    };
    DeliveryWindow: {
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      start: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      end: string;
      /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
      startLocal: string;
      /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
      endLocal: string;
    };
    /** @description Every error answer. Served as application/json, or as application/problem+json when Accept asks for it. */
    Error: {
      /**
       * @description RFC 9457 problem type: tag:screenmagic,2026:<error.code>
       * @example tag:screenmagic,2026:VALIDATION_FAILED
       */
      type: string;
      /**
       * @description The HTTP status phrase
       * @example Bad Request
       */
      title: string;
      /**
       * @description The HTTP status code
       * @example 400
       */
      status: number;
      /** @description The same text as error.message */
      detail: string;
      error: {
        /**
         * @description What went wrong, for programs: VALIDATION_FAILED, NOT_FOUND, …
         * @example VALIDATION_FAILED
         */
        code: string;
        message: string;
        details: ({
          field: string;
          message: string;
        } & {
          [key: string]: unknown;
        })[];
        /** @description 409 BUSINESS_CLOSED: the business's next opening (UTC), null when none within a year. */
        nextOpening?: string | null;
        /**
         * @description 409 BUSINESS_CLOSED: the name of the closure or public holiday that closes the day; absent for a weekly closed day and an unnamed closure.
         * @example Christmas Day
         */
        closure?: string;
      } & {
        [key: string]: unknown;
      };
      /** @description Also in the x-request-id header and the logs */
      requestId: string;
    };
    /** @description At least one field. workingHours without a time zone (here or in timeZone) keep the customer's current zone. */
    CustomerPatch: {
      /**
       * @description Unique, compared case-insensitively after trimming (and Unicode NFC). Stored trimmed; at most 200 characters after trimming; no control characters.
       * @example Asha Rao
       */
      name?: string;
      workingHours?: components['schemas']['ScheduleInput'];
      /**
       * @description The customer's new IANA time zone. Alone, it moves the current working hours to that zone (same wall-clock hours); with workingHours, it is their zone unless they name one.
       * @example Asia/Kolkata
       */
      timeZone?: string;
      phone?: string | null;
      consent?: components['schemas']['Consent'];
    };
    CustomerWindows: {
      customerId: string;
      timeZone: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      from: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      to: string;
      /** @description The delivery windows: business ∩ customer, local times in the customer’s zone. */
      windows: components['schemas']['DeliveryWindow'][];
      business: {
        timeZone: string;
        /** @description The side’s own open intervals in [from, to); local times in the side’s zone. */
        open: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          startLocal: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          endLocal: string;
        }[];
        /** @description Closures, public holidays and closed overrides touching [from, to), unclipped. */
        closures: {
          /** @description First closed local date (YYYY-MM-DD, the side’s zone). */
          from: string;
          /** @description Last closed local date, inclusive. */
          to: string;
          /** @description The closure’s or holiday’s name; null when it has none. */
          name: string | null;
          kind: 'closure' | 'holiday' | 'override';
          /**
           * Format: date-time
           * @description The first instant of `from` in the side’s zone.
           */
          start: string;
          /**
           * Format: date-time
           * @description The first instant after `to` in the side’s zone.
           */
          end: string;
        }[];
        /** @description The side’s UTC offset changes (DST) in [from, to). */
        offsetChanges: {
          /**
           * Format: date-time
           * @description The first instant with the new offset.
           */
          at: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          atLocal: string;
          /** @example +00:00 */
          offsetBefore: string;
          /** @example +01:00 */
          offsetAfter: string;
        }[];
      };
      customer: {
        timeZone: string;
        /** @description The side’s own open intervals in [from, to); local times in the side’s zone. */
        open: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          startLocal: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          endLocal: string;
        }[];
        /** @description Closures, public holidays and closed overrides touching [from, to), unclipped. */
        closures: {
          /** @description First closed local date (YYYY-MM-DD, the side’s zone). */
          from: string;
          /** @description Last closed local date, inclusive. */
          to: string;
          /** @description The closure’s or holiday’s name; null when it has none. */
          name: string | null;
          kind: 'closure' | 'holiday' | 'override';
          /**
           * Format: date-time
           * @description The first instant of `from` in the side’s zone.
           */
          start: string;
          /**
           * Format: date-time
           * @description The first instant after `to` in the side’s zone.
           */
          end: string;
        }[];
        /** @description The side’s UTC offset changes (DST) in [from, to). */
        offsetChanges: {
          /**
           * Format: date-time
           * @description The first instant with the new offset.
           */
          at: string;
          /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
          atLocal: string;
          /** @example +00:00 */
          offsetBefore: string;
          /** @example +01:00 */
          offsetAfter: string;
        }[];
      };
    };
    Explanation: {
      customerId: string;
      /** @description The customer's zone (the text's times are in it). */
      timeZone: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      at: string;
      business: {
        open: boolean;
        /** @description OPEN when open; else BUSINESS_CLOSED_DAY, BUSINESS_CLOSURE, OUTSIDE_BUSINESS_HOURS (business) or CUSTOMER_CLOSURE, OUTSIDE_CUSTOMER_HOURS (customer). */
        reason: string;
        /** @description What decided: hours, special-hours, closed-weekday, closure, holiday, closed-override, outside-hours, dst-gap. */
        cause: string;
        /** @description The closure, holiday or override (its date) that closed the day. */
        closure?: string;
        /** @description The instant in this side's zone. */
        localTime: string;
        /** @description The next instant this side opens or closes (within a year). */
        nextChange: string | null;
      };
      customer: {
        open: boolean;
        /** @description OPEN when open; else BUSINESS_CLOSED_DAY, BUSINESS_CLOSURE, OUTSIDE_BUSINESS_HOURS (business) or CUSTOMER_CLOSURE, OUTSIDE_CUSTOMER_HOURS (customer). */
        reason: string;
        /** @description What decided: hours, special-hours, closed-weekday, closure, holiday, closed-override, outside-hours, dst-gap. */
        cause: string;
        /** @description The closure, holiday or override (its date) that closed the day. */
        closure?: string;
        /** @description The instant in this side's zone. */
        localTime: string;
        /** @description The next instant this side opens or closes (within a year). */
        nextChange: string | null;
      };
      window: {
        open: boolean;
        /** @description The window interval containing at. */
        current?: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
        };
        /** @description The next window interval after at. */
        next?: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
        };
        /** @description The next opening after at (after the current window when open); null: none within 28 days. */
        nextOpening: string | null;
      };
      /**
       * @description One sentence in the customer's local time, for a support agent to paste.
       * @example Closed: 26 Dec is Boxing Day for the business; next window Mon 28 Dec 15:30–19:00 your time
       */
      text: string;
    };
    BusinessCalendar: {
      calendar: {
        /**
         * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
         * @example Asia/Kolkata
         */
        timeZone: string;
        weekly: {
          mon: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          tue: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          wed: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          thu: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          fri: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          sat: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          sun: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
        };
        /** @description Closures: plain dates (one unnamed day) or {from, to, name?} ranges. */
        closures: (
          | string
          | {
              /**
               * @description A local calendar date, YYYY-MM-DD.
               * @example 2026-12-25
               */
              from: string;
              /**
               * @description A local calendar date, YYYY-MM-DD.
               * @example 2026-12-25
               */
              to: string;
              /**
               * @description Shown wherever the closure explains a decision.
               * @example Winter break
               */
              name?: string;
            }
        )[];
        /**
         * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
         * @example {
         *       "2026-12-24": [
         *         {
         *           "start": "09:00",
         *           "end": "13:00"
         *         }
         *       ],
         *       "2026-12-31": []
         *     }
         */
        overrides: {
          [key: string]: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
        };
        /** @description Closes every public holiday of that country (and region). */
        holidays?: {
          /**
           * @description ISO 3166-1 alpha-2 country code.
           * @example IN
           */
          country: string;
          /**
           * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
           * @example MH
           */
          region?: string;
        };
      };
      /** @description Increases with every change; also the ETag (`"<version>"`). */
      version: number;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      updatedAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      now: string;
      openNow: boolean;
      nextOpening: string | null;
      nextOpeningLocal: string | null;
      nextClosing: string | null;
      nextClosingLocal: string | null;
      /** @description Closures, public holidays and closed overrides of the next 90 local dates, in date order. */
      upcomingClosures: {
        /** @description First closed local date (YYYY-MM-DD). */
        from: string;
        /** @description Last closed local date, inclusive. */
        to: string;
        name: string | null;
        kind: 'closure' | 'holiday' | 'override';
      }[];
    };
    /** @description Working hours: {timeZone?, weekly: {mon: [{start, end}], …}, closures?, overrides?, holidays?} or the shorthand {start, end, days?, timeZone?, closures?, overrides?, holidays?}. A missing timeZone means the business's. */
    BusinessCalendarInput:
      | {
          /**
           * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
           * @example Asia/Kolkata
           */
          timeZone?: string;
          weekly: {
            mon?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            tue?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            wed?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            thu?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            fri?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            sat?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
            sun?: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closures: local dates, or {from, to?, name?} ranges, on which no range starts (an overnight range begun the evening before still runs). */
          closures?: (
            | string
            | {
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                from: string;
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                to?: string;
                /**
                 * @description Shown wherever the closure explains a decision.
                 * @example Winter break
                 */
                name?: string;
              }
          )[];
          /**
           * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
           * @example {
           *       "2026-12-24": [
           *         {
           *           "start": "09:00",
           *           "end": "13:00"
           *         }
           *       ],
           *       "2026-12-31": []
           *     }
           */
          overrides?: {
            [key: string]: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closes every public holiday of that country (and region). */
          holidays?: {
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example IN
             */
            country: string;
            /**
             * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
             * @example MH
             */
            region?: string;
          };
        }
      | {
          /**
           * @description A local time HH:MM, 00:00–23:59.
           * @example 10:00
           */
          start: string;
          /**
           * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
           * @example 19:00
           */
          end: string;
          days?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
          /**
           * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
           * @example Asia/Kolkata
           */
          timeZone?: string;
          /** @description Closures: local dates, or {from, to?, name?} ranges, on which no range starts (an overnight range begun the evening before still runs). */
          closures?: (
            | string
            | {
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                from: string;
                /**
                 * @description A local calendar date, YYYY-MM-DD.
                 * @example 2026-12-25
                 */
                to?: string;
                /**
                 * @description Shown wherever the closure explains a decision.
                 * @example Winter break
                 */
                name?: string;
              }
          )[];
          /**
           * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
           * @example {
           *       "2026-12-24": [
           *         {
           *           "start": "09:00",
           *           "end": "13:00"
           *         }
           *       ],
           *       "2026-12-31": []
           *     }
           */
          overrides?: {
            [key: string]: {
              /**
               * @description A local time HH:MM, 00:00–23:59.
               * @example 09:00
               */
              start: string;
              /**
               * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
               * @example 18:00
               */
              end: string;
            }[];
          };
          /** @description Closes every public holiday of that country (and region). */
          holidays?: {
            /**
             * @description ISO 3166-1 alpha-2 country code.
             * @example IN
             */
            country: string;
            /**
             * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
             * @example MH
             */
            region?: string;
          };
        };
    BusinessCalendarImport: {
      calendar: {
        /**
         * @description An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.
         * @example Asia/Kolkata
         */
        timeZone: string;
        weekly: {
          mon: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          tue: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          wed: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          thu: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          fri: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          sat: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
          sun: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
        };
        /** @description Closures: plain dates (one unnamed day) or {from, to, name?} ranges. */
        closures: (
          | string
          | {
              /**
               * @description A local calendar date, YYYY-MM-DD.
               * @example 2026-12-25
               */
              from: string;
              /**
               * @description A local calendar date, YYYY-MM-DD.
               * @example 2026-12-25
               */
              to: string;
              /**
               * @description Shown wherever the closure explains a decision.
               * @example Winter break
               */
              name?: string;
            }
        )[];
        /**
         * @description Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges that start on it; [] closes the date.
         * @example {
         *       "2026-12-24": [
         *         {
         *           "start": "09:00",
         *           "end": "13:00"
         *         }
         *       ],
         *       "2026-12-31": []
         *     }
         */
        overrides: {
          [key: string]: {
            /**
             * @description A local time HH:MM, 00:00–23:59.
             * @example 09:00
             */
            start: string;
            /**
             * @description A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.
             * @example 18:00
             */
            end: string;
          }[];
        };
        /** @description Closes every public holiday of that country (and region). */
        holidays?: {
          /**
           * @description ISO 3166-1 alpha-2 country code.
           * @example IN
           */
          country: string;
          /**
           * @description Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.
           * @example MH
           */
          region?: string;
        };
      };
      /** @description Increases with every change; also the ETag (`"<version>"`). */
      version: number;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      updatedAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      now: string;
      openNow: boolean;
      nextOpening: string | null;
      nextOpeningLocal: string | null;
      nextClosing: string | null;
      nextClosingLocal: string | null;
      /** @description Closures, public holidays and closed overrides of the next 90 local dates, in date order. */
      upcomingClosures: {
        /** @description First closed local date (YYYY-MM-DD). */
        from: string;
        /** @description Last closed local date, inclusive. */
        to: string;
        name: string | null;
        kind: 'closure' | 'holiday' | 'override';
      }[];
      /** @description One closure per all-day event (or occurrence), by SUMMARY. */
      added: {
        summary: string;
        from: string;
        to: string;
      }[];
      /** @description Events left out, by SUMMARY, and why. */
      ignored: {
        summary: string;
        reason: string;
      }[];
    };
    /**
     * @example {
     *       "message": "Our new menu is out today",
     *       "customers": [
     *         "Asha Rao"
     *       ]
     *     }
     */
    NewBroadcast: {
      message: string;
      /** @description Customer names (trimmed, case-insensitive). Omit both lists for every customer. */
      customers?: string[];
      customerIds?: string[];
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      sendAt?: string;
      sendAtLocal?: components['schemas']['LocalSendTime'];
      /**
       * @description marketing (default): only to customers with marketing consent, within MARKETING_CAP_PER_DAY; transactional: to everyone.
       * @enum {unknown}
       */
      category?: 'marketing' | 'transactional';
      /**
       * @description When sendAt falls on a day the business is closed: 409 (reject, default) or queue.
       * @enum {unknown}
       */
      onClosedDay?: 'reject' | 'queue';
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      expiresAt?: string;
    };
    /** @description Instead of sendAt: each recipient at this wall time in their own zone, then held to their delivery window like any send time. onClosedDay does not apply. With sendAt: 400. */
    LocalSendTime: {
      /**
       * @description HH:MM, 00:00–23:59, in each recipient's own time zone.
       * @example 10:00
       */
      time: string;
      /**
       * Format: date
       * @description YYYY-MM-DD in each recipient's zone. Absent: the next occurrence of time.
       */
      date?: string;
    };
    BroadcastAccepted: {
      broadcastId: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      sendAt: string;
      sendAtLocal?: components['schemas']['LocalSendTime'] | null;
      /**
       * @description marketing (default): only to customers with marketing consent, within MARKETING_CAP_PER_DAY; transactional: to everyone.
       * @enum {unknown}
       */
      category?: 'marketing' | 'transactional';
      expiresAt: string | null;
      recipientCount: number;
      summary: components['schemas']['BroadcastSummary'];
      recipients: components['schemas']['Recipient'][];
      nextCursor: string | null;
    };
    BroadcastSummary: {
      sendingNow: number;
      scheduled: number;
      unreachable: number;
      /** @description Marketing recipients without consent or beyond the daily cap: no message sent. */
      suppressed: number;
    };
    Recipient: {
      messageId: string;
      customerId: string;
      name: string;
      /**
       * @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed
       * @enum {unknown}
       */
      status:
        | 'scheduled'
        | 'sending'
        | 'delivered'
        | 'failed'
        | 'cancelled'
        | 'expired'
        | 'unreachable'
        | 'suppressed';
      scheduledFor: string | null;
      scheduledForLocal: string | null;
      attempts: number;
      lastAttemptAt: string | null;
      deliveredAt: string | null;
    };
    BroadcastPreview: {
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      sendAt: string;
      recipientCount: number;
      summary: components['schemas']['BroadcastSummary'];
      byHour: {
        /**
         * Format: date-time
         * @description The UTC instant that starts the hour.
         */
        hour: string;
        /** @description Recipients (sending or scheduled) sent in that hour. */
        count: number;
      }[];
      lastScheduledFor: string | null;
      /** @description When the last send goes out at DISPATCH_RATE_PER_SECOND (lastScheduledFor without a cap). */
      estimatedCompletion: string | null;
      recipients: components['schemas']['PreviewRecipient'][];
      /** @description The next page of recipients: the same POST with ?cursor=. */
      nextCursor: string | null;
    };
    PreviewRecipient: {
      customerId: string;
      name: string;
      messageId: null;
      /** @enum {unknown} */
      status: 'sending' | 'scheduled' | 'unreachable' | 'suppressed';
      /** @description Why suppressed; null otherwise. */
      reason: ('OPTED_OUT' | 'FREQUENCY_CAP') | null;
      scheduledFor: string | null;
      scheduledForLocal: string | null;
    };
    BroadcastList: {
      items: components['schemas']['Broadcast'][];
      nextCursor: string | null;
    };
    Broadcast: {
      broadcastId: string;
      id: string;
      message: string;
      /**
       * @description active: some messages not yet final; completed: all final; cancelled: by DELETE
       * @enum {unknown}
       */
      status: 'active' | 'completed' | 'cancelled';
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      sendAt: string;
      requestedSendAt: string | null;
      sendAtLocal: components['schemas']['LocalSendTime'] | null;
      /**
       * @description marketing (default): only to customers with marketing consent, within MARKETING_CAP_PER_DAY; transactional: to everyone.
       * @enum {unknown}
       */
      category: 'marketing' | 'transactional';
      /** @enum {unknown} */
      onClosedDay: 'reject' | 'queue';
      expiresAt: string | null;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      createdAt: string;
      cancelledAt: string | null;
      recipientCount: number;
      summary: components['schemas']['BroadcastSummary'];
      counts: components['schemas']['MessageCounts'];
    };
    MessageCounts: {
      scheduled: number;
      sending: number;
      delivered: number;
      failed: number;
      cancelled: number;
      expired: number;
      unreachable: number;
      suppressed: number;
    };
    Message: {
      messageId: string;
      id: string;
      /** @enum {unknown} */
      kind: 'broadcast' | 'order-confirmation' | 'order-update' | 'reply';
      broadcastId: string | null;
      orderId: string | null;
      customerId: string;
      customerName: string;
      text: string;
      /**
       * @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed
       * @enum {unknown}
       */
      status:
        | 'scheduled'
        | 'sending'
        | 'delivered'
        | 'failed'
        | 'cancelled'
        | 'expired'
        | 'unreachable'
        | 'suppressed';
      attempts: number;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      updatedAt: string;
      scheduledFor: string | null;
      scheduledForLocal: string | null;
      timeZone: string;
      nextAttemptAt: string | null;
      lastAttemptAt: string | null;
      lastError: string | null;
      deliveredAt: string | null;
      finishedAt: string | null;
      expiresAt: string | null;
      /** @enum {unknown} */
      category: 'marketing' | 'transactional';
      inboundMessageId?: string | null;
      statusReason:
        | (
            | 'IN_WINDOW'
            | 'BUSINESS_CLOSED_DAY'
            | 'BUSINESS_CLOSURE'
            | 'OUTSIDE_BUSINESS_HOURS'
            | 'OUTSIDE_CUSTOMER_HOURS'
            | 'CUSTOMER_CLOSURE'
            | 'NO_OVERLAP'
            | 'SEND_AT_LATER'
            | 'HOURS_CHANGED'
            | 'CALENDAR_CHANGED'
            | 'LATE_DISPATCH'
            | 'CUSTOMER_SERVICE_UNAVAILABLE'
            | 'RATE_LIMITED'
            | 'DELIVERY_FAILED'
            | 'OPTED_OUT'
            | 'FREQUENCY_CAP'
            | 'EXPIRED'
            | 'CANCELLED'
            | 'CUSTOMER_DELETED'
          )
        | null;
      /** @description Every decision from acceptance to the end, oldest first (SPEC §5) */
      history: components['schemas']['MessageHistoryEntry'][];
    };
    MessageHistoryEntry: {
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      at: string;
      /** @enum {unknown} */
      event:
        | 'scheduled'
        | 'rescheduled'
        | 'deferred'
        | 'delivered'
        | 'failed'
        | 'cancelled'
        | 'expired'
        | 'unreachable'
        | 'suppressed';
      /** @enum {unknown} */
      reason:
        | 'IN_WINDOW'
        | 'BUSINESS_CLOSED_DAY'
        | 'BUSINESS_CLOSURE'
        | 'OUTSIDE_BUSINESS_HOURS'
        | 'OUTSIDE_CUSTOMER_HOURS'
        | 'CUSTOMER_CLOSURE'
        | 'NO_OVERLAP'
        | 'SEND_AT_LATER'
        | 'HOURS_CHANGED'
        | 'CALENDAR_CHANGED'
        | 'LATE_DISPATCH'
        | 'CUSTOMER_SERVICE_UNAVAILABLE'
        | 'RATE_LIMITED'
        | 'DELIVERY_FAILED'
        | 'OPTED_OUT'
        | 'FREQUENCY_CAP'
        | 'EXPIRED'
        | 'CANCELLED'
        | 'CUSTOMER_DELETED';
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      scheduledFor?: string;
      /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
      scheduledForLocal?: string;
      detail?: string;
    };
    MessageList: {
      items: components['schemas']['MessageSummary'][];
      nextCursor: string | null;
    };
    MessageSummary: {
      messageId: string;
      /** @enum {unknown} */
      kind: 'broadcast' | 'order-confirmation' | 'order-update' | 'reply';
      broadcastId: string | null;
      orderId: string | null;
      customerId: string;
      customerName: string;
      /**
       * @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed
       * @enum {unknown}
       */
      status:
        | 'scheduled'
        | 'sending'
        | 'delivered'
        | 'failed'
        | 'cancelled'
        | 'expired'
        | 'unreachable'
        | 'suppressed';
      statusReason:
        | (
            | 'IN_WINDOW'
            | 'BUSINESS_CLOSED_DAY'
            | 'BUSINESS_CLOSURE'
            | 'OUTSIDE_BUSINESS_HOURS'
            | 'OUTSIDE_CUSTOMER_HOURS'
            | 'CUSTOMER_CLOSURE'
            | 'NO_OVERLAP'
            | 'SEND_AT_LATER'
            | 'HOURS_CHANGED'
            | 'CALENDAR_CHANGED'
            | 'LATE_DISPATCH'
            | 'CUSTOMER_SERVICE_UNAVAILABLE'
            | 'RATE_LIMITED'
            | 'DELIVERY_FAILED'
            | 'OPTED_OUT'
            | 'FREQUENCY_CAP'
            | 'EXPIRED'
            | 'CANCELLED'
            | 'CUSTOMER_DELETED'
          )
        | null;
      attempts: number;
      scheduledFor: string | null;
      scheduledForLocal: string | null;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      updatedAt: string;
      deliveredAt: string | null;
    };
    MessageExplanation: {
      messageId: string;
      message: {
        /** @enum {unknown} */
        kind: 'broadcast' | 'order-confirmation' | 'order-update' | 'reply';
        /** @enum {unknown} */
        category: 'marketing' | 'transactional';
        /**
         * @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed
         * @enum {unknown}
         */
        status:
          | 'scheduled'
          | 'sending'
          | 'delivered'
          | 'failed'
          | 'cancelled'
          | 'expired'
          | 'unreachable'
          | 'suppressed';
        /** @description False for a message sent at once whatever the window (a reply, an order confirmation while open). */
        holdToWindow: boolean;
        scheduledFor: string | null;
        scheduledForLocal: string | null;
      };
      customerId: string;
      timeZone: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      at: string;
      business: {
        open: boolean;
        reason: string;
        cause: string;
        closure?: string;
        /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
        localTime: string;
        nextChange: string | null;
      };
      customer: {
        open: boolean;
        reason: string;
        cause: string;
        closure?: string;
        /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
        localTime: string;
        nextChange: string | null;
      };
      window: {
        open: boolean;
        current?: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
        };
        next?: {
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          start: string;
          /**
           * Format: date-time
           * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
           */
          end: string;
        };
        nextOpening: string | null;
      };
      /** @description One sentence in the customer's local time. */
      text: string;
    };
    /**
     * @example {
     *       "from": "+919876543210",
     *       "text": "STOP"
     *     }
     */
    NewInboundMessage: {
      /**
       * @description The sender's phone. Matched against customers' phones after both are reduced to + and digits.
       * @example +91 98765 43210
       */
      from: string;
      /** @description The whole message as received. */
      text: string;
    };
    InboundMessageResult: {
      inboundMessageId: string;
      customerId: string;
      /**
       * @description STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: opt-out; START, YES, UNSTOP: opt-in; HELP, INFO: help (the whole message, case-insensitive, white space and punctuation around it ignored: "Stop!" opts out); anything else: none.
       * @enum {unknown}
       */
      action: 'opt-out' | 'opt-in' | 'help' | 'none';
      /** @description The reply sent to the customer at once (a transactional message); null for none. */
      reply: string | null;
      replyMessageId: string | null;
      /** @description An opt-out: the customer's queued marketing messages it suppressed. */
      suppressed: number;
    };
    /**
     * @description An order. Give exactly one of customer (a name) and customerId.
     * @example {
     *       "customer": "Asha Rao",
     *       "orderId": "ORD-1001",
     *       "productId": "SKU-42",
     *       "payment": {
     *         "method": "upi",
     *         "amount": "499.00",
     *         "currency": "INR"
     *       }
     *     }
     */
    NewOrder: {
      /**
       * @description The customer's name (matched trimmed, case-insensitively). Or give customerId.
       * @example Asha Rao
       */
      customer?: string;
      /**
       * @description The customer's id. Or give customer.
       * @example cus_01JDZ3V1Q7S8X9Y0ZABCDEFGHJ
       */
      customerId?: string;
      /**
       * @description The client's order id (unique; the key for idempotency and look-ups).
       * @example ORD-1001
       */
      orderId: string;
      /** @example SKU-42 */
      productId: string;
      payment: components['schemas']['Payment'];
      /**
       * Format: date-time
       * @description When the customer placed the order: RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z. Default: now.
       */
      placedAt?: string;
    };
    Payment: {
      /**
       * @description 1–32 characters: letters, digits, space, ".", "_", "-", beginning and ending with a letter or digit.
       * @example upi
       * @example card
       * @example cash on delivery
       */
      method: string;
      /**
       * @description A positive decimal string (never a JSON number) with at most the currency’s ISO 4217 minor units of decimals: "499.00" INR, "1200" JPY.
       * @example 499.00
       */
      amount: string;
      /**
       * @description ISO 4217 code, upper case.
       * @example INR
       */
      currency: string;
    };
    /** @description Placed while the business is open: confirmed. */
    Order: {
      /**
       * @description The client's order id (unique; the key for idempotency and look-ups).
       * @example ORD-1001
       */
      orderId: string;
      status: 'pending' | 'confirmed';
      /** @description Why it was confirmed at once (open) or had to wait (outside-hours, closed-day). */
      reason: 'open' | 'outside-hours' | 'closed-day';
      customerId: string;
      customerName: string;
      /** @description The zone the *Local times are given in. */
      customerTimeZone: string;
      productId: string;
      payment: {
        method: string;
        amount: string;
        currency: string;
      };
      /**
       * Format: date-time
       * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
       */
      placedAt: string;
      /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
      placedAtLocal: string;
      /**
       * Format: date-time
       * @description When the order is (or was) processed: the next opening when pending, its confirmation when placed while open.
       */
      processingAt: string;
      /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
      processingAtLocal: string;
      /** @description Every processing time the customer was told, oldest first; a change of the business calendar that moves a pending order adds one (and sends the customer an order-update). */
      processingAtHistory: {
        /**
         * Format: date-time
         * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
         */
        processingAt: string;
        /** @description Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30 */
        processingAtLocal: string;
        /**
         * Format: date-time
         * @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z
         */
        changedAt: string;
        /** @description PLACED: announced when the order was placed; CALENDAR_CHANGED: moved by a change of the business calendar. */
        reason: 'PLACED' | 'CALENDAR_CHANGED';
      }[];
      confirmedAt: string | null;
      confirmedAtLocal: string | null;
      /** @description The text answered to the customer when the order was placed. */
      reply: string;
      /** @description The outgoing service's message carrying the confirmation, once handed over. */
      confirmationMessageId: string | null;
    };
  };
  responses: {
    /** @description No API key, or not a valid one (UNAUTHORIZED) */
    Unauthorized: {
      headers: {
        'WWW-Authenticate'?: string;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description The request body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description The body's Content-Type is not one the operation takes: application/json, or what its requestBody lists (UNSUPPORTED_MEDIA_TYPE) */
    UnsupportedMediaType: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description The request headers are larger than 16 KiB in all (HEADERS_TOO_LARGE) */
    HeadersTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description Over the API key's requests per minute (RATE_LIMITED) */
    RateLimited: {
      headers: {
        /** @description Seconds to wait before retrying */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description The service's answer could not be relayed (BAD_GATEWAY) */
    BadGateway: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description A service or its database is down; retry later (UPSTREAM_UNAVAILABLE, DATABASE_UNAVAILABLE) */
    ServiceUnavailable: {
      headers: {
        /** @description Seconds to wait before retrying */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
    /** @description The service did not answer in time (UPSTREAM_TIMEOUT) */
    GatewayTimeout: {
      headers: {
        /** @description Seconds to wait before retrying */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
        'application/problem+json': components['schemas']['Error'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  seedAddCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewCustomer'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Customer'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  seedIncomings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description An order. Give exactly one of customer (a name) and customerId. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewOrder'];
      };
    };
    responses: {
      /** @description Placed while the business is open: confirmed. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Placed while it is closed: pending until the next opening. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  seedOutgoings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Same key + same body → the first answer, nothing new created. */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewBroadcast'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BroadcastAccepted'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  listBroadcasts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BroadcastList'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  createBroadcast: {
    parameters: {
      query?: never;
      header?: {
        /** @description Same key + same body → the first answer, nothing new created. */
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewBroadcast'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BroadcastAccepted'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getBroadcast: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Broadcast'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  cancelBroadcast: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Broadcast'] & {
            /** @description Messages this request cancelled */
            cancelledNow: number;
          };
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  listBroadcastRecipients: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        /** @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed */
        status?:
          | 'scheduled'
          | 'sending'
          | 'delivered'
          | 'failed'
          | 'cancelled'
          | 'expired'
          | 'unreachable'
          | 'suppressed';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Recipient'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  previewBroadcast: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewBroadcast'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BroadcastPreview'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getBusinessCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessCalendar'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  replaceBusinessCalendar: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version this change is based on (`"3"`), or a list of them (RFC 9110): a newer version stored meanwhile is 412, and so is a weak tag (`W/"3"`); `*` matches any version. */
        'if-match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description Working hours: {timeZone?, weekly: {mon: [{start, end}], …}, closures?, overrides?, holidays?} or the shorthand {start, end, days?, timeZone?, closures?, overrides?, holidays?}. A missing timeZone means the business's. */
    requestBody: {
      content: {
        'application/json': components['schemas']['BusinessCalendarInput'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessCalendar'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Every error answer. Served as application/json, or as application/problem+json when Accept asks for it. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  importBusinessCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The .ics file. */
    requestBody: {
      content: {
        'text/calendar': string;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessCalendarImport'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  listCustomers: {
    parameters: {
      query?: {
        /** @description Only the customer with this name (compared as names are kept unique: case-insensitive, trimmed). Blank: no filter. */
        name?: string;
        /** @description Only customers whose name starts with this (case-insensitive, trimmed). Blank: no filter. */
        namePrefix?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Customer'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  createCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewCustomer'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Customer'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Customer'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  deleteCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  updateCustomer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description At least one field. workingHours without a time zone (here or in timeZone) keep the customer's current zone. */
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomerPatch'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Customer'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  explainCustomer: {
    parameters: {
      query?: {
        /** @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z. Default: now. */
        at?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Explanation'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getCustomerWindows: {
    parameters: {
      query?: {
        /** @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z. Default: now. */
        from?: string;
        /** @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z. Default: from + 7 days. After from, at most 31 days after it. */
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerWindows'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  receiveInboundMessage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewInboundMessage'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboundMessageResult'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  listMessages: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        /** @description scheduled | sending | delivered | failed | cancelled | expired | unreachable | suppressed */
        status?:
          | 'scheduled'
          | 'sending'
          | 'delivered'
          | 'failed'
          | 'cancelled'
          | 'expired'
          | 'unreachable'
          | 'suppressed';
        broadcastId?: string;
        customerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageList'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  cancelMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  explainMessage: {
    parameters: {
      query?: {
        /** @description RFC 3339 instant from 2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z, e.g. 2026-11-30T03:30:00.000Z. Default: now. */
        at?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageExplanation'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  retryMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Message'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  listOrders: {
    parameters: {
      query?: {
        status?: 'pending' | 'confirmed';
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Order'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  createOrder: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description An order. Give exactly one of customer (a name) and customerId. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewOrder'];
      };
    };
    responses: {
      /** @description Placed while the business is open: confirmed. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Placed while it is closed: pending until the next opening. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Conflicts with what is stored (error.code says how) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      /** @description Well-formed but impossible to carry out (e.g. an unknown customer) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
  getOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's order id (unique; the key for idempotency and look-ups).
         * @example ORD-1001
         */
        orderId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Invalid input: error.details name the fields (VALIDATION_FAILED, …) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      401: components['responses']['Unauthorized'];
      /** @description Not found (NOT_FOUND) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
          'application/problem+json': components['schemas']['Error'];
        };
      };
      429: components['responses']['RateLimited'];
      431: components['responses']['HeadersTooLarge'];
      502: components['responses']['BadGateway'];
      503: components['responses']['ServiceUnavailable'];
      504: components['responses']['GatewayTimeout'];
    };
  };
}
type FlattenedDeepRequired<T> = {
  [K in keyof T]-?: FlattenedDeepRequired<
    T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]
  >;
};
type ReadonlyArray<T> = [Exclude<T, undefined>] extends [unknown[]]
  ? Readonly<Exclude<T, undefined>>
  : Readonly<Exclude<T, undefined>[]>;
export const pathsV1BroadcastsIdRecipientsGetParametersQueryStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/broadcasts/{id}/recipients']['get']['parameters']['query']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const pathsV1MessagesGetParametersQueryStatusValues: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/messages']['get']['parameters']['query']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const pathsV1OrdersGetParametersQueryStatusAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/orders']['get']['parameters']['query']['status']
> = ['pending'];
export const pathsV1OrdersGetParametersQueryStatusAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<paths>['/v1/orders']['get']['parameters']['query']['status']
> = ['confirmed'];
export const scheduleInputAnyOf1DaysValues: ReadonlyArray<
  Extract<
    FlattenedDeepRequired<components>['schemas']['ScheduleInput'],
    {
      days: unknown;
    }
  >['days']
> = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const customerWindowsBusinessClosuresKindAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['business']['closures']['kind']
> = ['closure'];
export const customerWindowsBusinessClosuresKindAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['business']['closures']['kind']
> = ['holiday'];
export const customerWindowsBusinessClosuresKindAnyOf2Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['business']['closures']['kind']
> = ['override'];
export const customerWindowsCustomerClosuresKindAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['customer']['closures']['kind']
> = ['closure'];
export const customerWindowsCustomerClosuresKindAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['customer']['closures']['kind']
> = ['holiday'];
export const customerWindowsCustomerClosuresKindAnyOf2Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['CustomerWindows']['customer']['closures']['kind']
> = ['override'];
export const businessCalendarUpcomingClosuresKindAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendar']['upcomingClosures']['kind']
> = ['closure'];
export const businessCalendarUpcomingClosuresKindAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendar']['upcomingClosures']['kind']
> = ['holiday'];
export const businessCalendarUpcomingClosuresKindAnyOf2Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendar']['upcomingClosures']['kind']
> = ['override'];
export const businessCalendarInputAnyOf1DaysValues: ReadonlyArray<
  Extract<
    FlattenedDeepRequired<components>['schemas']['BusinessCalendarInput'],
    {
      days: unknown;
    }
  >['days']
> = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const businessCalendarImportUpcomingClosuresKindAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendarImport']['upcomingClosures']['kind']
> = ['closure'];
export const businessCalendarImportUpcomingClosuresKindAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendarImport']['upcomingClosures']['kind']
> = ['holiday'];
export const businessCalendarImportUpcomingClosuresKindAnyOf2Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BusinessCalendarImport']['upcomingClosures']['kind']
> = ['override'];
export const newBroadcastCategoryValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['NewBroadcast']['category']
> = ['marketing', 'transactional'];
export const newBroadcastOnClosedDayValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['NewBroadcast']['onClosedDay']
> = ['reject', 'queue'];
export const broadcastAcceptedCategoryValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['BroadcastAccepted']['category']
> = ['marketing', 'transactional'];
export const recipientStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Recipient']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const previewRecipientStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PreviewRecipient']['status']
> = ['sending', 'scheduled', 'unreachable', 'suppressed'];
export const previewRecipientReasonAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['PreviewRecipient']['reason']
> = ['OPTED_OUT', 'FREQUENCY_CAP'];
export const broadcastStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Broadcast']['status']
> = ['active', 'completed', 'cancelled'];
export const broadcastCategoryValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Broadcast']['category']
> = ['marketing', 'transactional'];
export const broadcastOnClosedDayValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Broadcast']['onClosedDay']
> = ['reject', 'queue'];
export const messageKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Message']['kind']
> = ['broadcast', 'order-confirmation', 'order-update', 'reply'];
export const messageStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Message']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const messageCategoryValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Message']['category']
> = ['marketing', 'transactional'];
export const messageStatusReasonAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Message']['statusReason']
> = [
  'IN_WINDOW',
  'BUSINESS_CLOSED_DAY',
  'BUSINESS_CLOSURE',
  'OUTSIDE_BUSINESS_HOURS',
  'OUTSIDE_CUSTOMER_HOURS',
  'CUSTOMER_CLOSURE',
  'NO_OVERLAP',
  'SEND_AT_LATER',
  'HOURS_CHANGED',
  'CALENDAR_CHANGED',
  'LATE_DISPATCH',
  'CUSTOMER_SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'DELIVERY_FAILED',
  'OPTED_OUT',
  'FREQUENCY_CAP',
  'EXPIRED',
  'CANCELLED',
  'CUSTOMER_DELETED',
];
export const messageHistoryEntryEventValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageHistoryEntry']['event']
> = [
  'scheduled',
  'rescheduled',
  'deferred',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const messageHistoryEntryReasonValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageHistoryEntry']['reason']
> = [
  'IN_WINDOW',
  'BUSINESS_CLOSED_DAY',
  'BUSINESS_CLOSURE',
  'OUTSIDE_BUSINESS_HOURS',
  'OUTSIDE_CUSTOMER_HOURS',
  'CUSTOMER_CLOSURE',
  'NO_OVERLAP',
  'SEND_AT_LATER',
  'HOURS_CHANGED',
  'CALENDAR_CHANGED',
  'LATE_DISPATCH',
  'CUSTOMER_SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'DELIVERY_FAILED',
  'OPTED_OUT',
  'FREQUENCY_CAP',
  'EXPIRED',
  'CANCELLED',
  'CUSTOMER_DELETED',
];
export const messageSummaryKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageSummary']['kind']
> = ['broadcast', 'order-confirmation', 'order-update', 'reply'];
export const messageSummaryStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageSummary']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const messageSummaryStatusReasonAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageSummary']['statusReason']
> = [
  'IN_WINDOW',
  'BUSINESS_CLOSED_DAY',
  'BUSINESS_CLOSURE',
  'OUTSIDE_BUSINESS_HOURS',
  'OUTSIDE_CUSTOMER_HOURS',
  'CUSTOMER_CLOSURE',
  'NO_OVERLAP',
  'SEND_AT_LATER',
  'HOURS_CHANGED',
  'CALENDAR_CHANGED',
  'LATE_DISPATCH',
  'CUSTOMER_SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'DELIVERY_FAILED',
  'OPTED_OUT',
  'FREQUENCY_CAP',
  'EXPIRED',
  'CANCELLED',
  'CUSTOMER_DELETED',
];
export const messageExplanationMessageKindValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageExplanation']['message']['kind']
> = ['broadcast', 'order-confirmation', 'order-update', 'reply'];
export const messageExplanationMessageCategoryValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageExplanation']['message']['category']
> = ['marketing', 'transactional'];
export const messageExplanationMessageStatusValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['MessageExplanation']['message']['status']
> = [
  'scheduled',
  'sending',
  'delivered',
  'failed',
  'cancelled',
  'expired',
  'unreachable',
  'suppressed',
];
export const inboundMessageResultActionValues: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['InboundMessageResult']['action']
> = ['opt-out', 'opt-in', 'help', 'none'];
export const orderStatusAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['status']
> = ['pending'];
export const orderStatusAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['status']
> = ['confirmed'];
export const orderReasonAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['reason']
> = ['open'];
export const orderReasonAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['reason']
> = ['outside-hours'];
export const orderReasonAnyOf2Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['reason']
> = ['closed-day'];
export const orderProcessingAtHistoryReasonAnyOf0Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['processingAtHistory']['reason']
> = ['PLACED'];
export const orderProcessingAtHistoryReasonAnyOf1Values: ReadonlyArray<
  FlattenedDeepRequired<components>['schemas']['Order']['processingAtHistory']['reason']
> = ['CALENDAR_CHANGED'];
