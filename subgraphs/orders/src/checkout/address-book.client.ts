import type { ForwardedRequest, ServiceClient } from '@techally/platform';

/** An entry of the caller's address book, as the users subgraph answers it. */
export interface AddressBookEntry {
  readonly id: string;
  readonly label: string | null;
  readonly fullName: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string;
  readonly country: string;
  readonly phone: string | null;
}

const MY_ADDRESSES = `query OrdersCheckoutAddresses {
  me { addresses { id label fullName line1 line2 city region postalCode country phone } }
}`;

/**
 * The caller's address book, asked of the users subgraph with the caller's own forwarded Authorization: the
 * users subgraph decides whose addresses these are, so a customer can only ship to their own. Null when the
 * users subgraph sees no signed-in user.
 */
export class AddressBook {
  constructor(private readonly client: ServiceClient) {}

  async myAddresses(forwarded: ForwardedRequest): Promise<AddressBookEntry[] | null> {
    const data = await this.client.request<{ me: { addresses: AddressBookEntry[] } | null }>(MY_ADDRESSES, {}, forwarded);
    return data.me ? data.me.addresses : null;
  }
}
