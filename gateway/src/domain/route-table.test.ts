import { describe, expect, it } from 'vitest';
import { ownerOf } from './route-table.ts';

describe('ownerOf', () => {
  it('routes the seed routes and /v1 resources to the service that owns them', () => {
    expect(ownerOf('/addcustomer')).toBe('customer');
    expect(ownerOf('/v1/customers')).toBe('customer');
    expect(ownerOf('/v1/customers/{id}/windows')).toBe('customer');
    expect(ownerOf('/v1/business-calendar')).toBe('customer');
    expect(ownerOf('/v1/business-calendar/import')).toBe('customer');
    expect(ownerOf('/outgoings')).toBe('outgoing');
    expect(ownerOf('/v1/broadcasts/{id}/recipients')).toBe('outgoing');
    expect(ownerOf('/v1/messages/{id}')).toBe('outgoing');
    expect(ownerOf('/incomings')).toBe('incoming');
    expect(ownerOf('/v1/orders/{orderId}')).toBe('incoming');
    expect(ownerOf('/v1/inbound-messages')).toBe('incoming');
    expect(ownerOf('/v1/customers/{id}/explain')).toBe('customer');
    expect(ownerOf('/v1/messages/{id}/explain')).toBe('outgoing');
    expect(ownerOf('/v1/broadcasts/preview')).toBe('outgoing');
  });

  it('routes nothing internal, nothing unknown, and no look-alike prefixes', () => {
    expect(ownerOf('/internal/customers/lookup')).toBeUndefined();
    expect(ownerOf('/internal/test/clock')).toBeUndefined();
    expect(ownerOf('/healthz')).toBeUndefined();
    expect(ownerOf('/v1/customersx')).toBeUndefined();
    expect(ownerOf('/v2/customers')).toBeUndefined();
    expect(ownerOf('/v1/inbound-messagesx')).toBeUndefined();
  });
});
