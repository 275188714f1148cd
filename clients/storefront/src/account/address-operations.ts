import { graphql } from '../gql';

export const StorefrontAddressFieldsFragment = graphql(`
  fragment StorefrontAddressFields on Address {
    id
    label
    fullName
    line1
    line2
    city
    region
    postalCode
    country
    phone
    isDefault
  }
`);

export const StorefrontMyAddressesQuery = graphql(`
  query StorefrontMyAddresses {
    me {
      id
      addresses {
        ...StorefrontAddressFields
      }
    }
  }
`);

export const StorefrontAddAddressMutation = graphql(`
  mutation StorefrontAddAddress($input: AddAddressInput!) {
    addAddress(input: $input) {
      ...StorefrontAddressFields
    }
  }
`);

export const StorefrontUpdateAddressMutation = graphql(`
  mutation StorefrontUpdateAddress($id: ID!, $input: UpdateAddressInput!) {
    updateAddress(id: $id, input: $input) {
      ...StorefrontAddressFields
    }
  }
`);

export const StorefrontDeleteAddressMutation = graphql(`
  mutation StorefrontDeleteAddress($id: ID!) {
    deleteAddress(id: $id)
  }
`);

export const StorefrontSetDefaultAddressMutation = graphql(`
  mutation StorefrontSetDefaultAddress($id: ID!) {
    setDefaultAddress(id: $id) {
      ...StorefrontAddressFields
    }
  }
`);
