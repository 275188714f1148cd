/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddAddressInput = {
  city: string;
  /** ISO 3166-1 alpha-2 code, e.g. "US". */
  country: string;
  fullName: string;
  /** Make it the default; the first address always is. */
  isDefault?: boolean | null | undefined;
  label?: string | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  phone?: string | null | undefined;
  postalCode: string;
  region?: string | null | undefined;
};

export type AddReviewInput = {
  /** 1 to 5,000 characters. */
  body: string;
  /** An active product of the catalog. */
  productId: string | number;
  /** Whole stars, 1 to 5. */
  rating: number;
  /** 1 to 120 characters. */
  title: string;
};

/** A card to charge. Only its last four digits and brand are ever kept. */
export type CardInput = {
  /** 3 digits (4 for American Express). */
  cvc: string;
  /** 1 to 12. */
  expMonth: number;
  /** Four digits, e.g. 2030. */
  expYear: number;
  /** 12 to 19 digits; spaces and dashes between them are ignored. */
  number: string;
};

export type ConfirmPaymentInput = {
  card: CardInput;
  /** The order to pay; its total is the amount charged. */
  orderId: string | number;
};

export type OrderLineInput = {
  productId: string | number;
  /** 1 to 99. */
  quantity: number;
};

/** Where an order is in its life. CANCELLED and REFUNDED are final. */
export type OrderStatus =
  /** Stock reserved, payment asked for. */
  | 'AWAITING_PAYMENT'
  /** Cancelled before it was paid (see cancellationReason); a payment that came too late is refunded. */
  | 'CANCELLED'
  /** Handed to the carrier. */
  | 'FULFILLED'
  /** Paid; waiting to be shipped. */
  | 'PAID'
  /** Placed; nothing reserved or charged yet. */
  | 'PENDING'
  /** Paid, then refunded. */
  | 'REFUNDED';

/** Where a payment is in its life. */
export type PaymentStatus =
  /** Abandoned before any decline: nothing was or will be collected (the order was cancelled, or the intent at the provider). */
  | 'CANCELLED'
  /** Declined (see failureCode). Final: it stays FAILED; the order is cancelled and its stock released. */
  | 'FAILED'
  /** Open: the order awaits payment; confirm it with a card. */
  | 'PENDING'
  /** Collected, then given back (an admin refund, or paid after the order was cancelled). */
  | 'REFUNDED'
  /** The money was collected. */
  | 'SUCCEEDED';

export type PlaceOrderInput = {
  /** 8 to 100 characters of [A-Za-z0-9_-], new for each checkout (a UUID works). A retry with the same key and the same cart returns the order already placed. */
  idempotencyKey: string;
  /** 1 to 50 lines, each product at most once. */
  items: Array<OrderLineInput>;
  /** One of the caller’s own addresses (users subgraph); copied into the order. */
  shippingAddressId: string | number;
};

/** Narrows a listing; all given conditions must hold. */
export type ProductFilter = {
  /** Products in this category or any category below it. */
  categoryId?: string | number | null | undefined;
  /** Highest price, in minor units, inclusive. */
  maxPrice?: number | null | undefined;
  /** Lowest price, in minor units, inclusive. */
  minPrice?: number | null | undefined;
  /** Part of the name, case-insensitive. */
  search?: string | null | undefined;
};

export type ProductSort =
  /** Alphabetical by name. */
  | 'NAME_ASC'
  /** Most recently added first. */
  | 'NEWEST'
  /** Cheapest first. */
  | 'PRICE_ASC'
  /** Most expensive first. */
  | 'PRICE_DESC';

export type SignUpInput = {
  /** Becomes the log-in; compared case-insensitively. */
  email: string;
  name: string;
  /** 10 to 128 characters, not a common password, not containing the email's name part. */
  password: string;
};

export type AddressFieldsFragment = { id: string, label: string | null, fullName: string, line1: string, line2: string | null, city: string, region: string | null, postalCode: string, country: string, phone: string | null, isDefault: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, addresses: Array<{ id: string, label: string | null, fullName: string, line1: string, line2: string | null, city: string, region: string | null, postalCode: string, country: string, phone: string | null, isDefault: boolean }> } | null };

export type AddAddressMutationVariables = Exact<{
  input: AddAddressInput;
}>;


export type AddAddressMutation = { addAddress: { id: string, label: string | null, fullName: string, line1: string, line2: string | null, city: string, region: string | null, postalCode: string, country: string, phone: string | null, isDefault: boolean } };

export type ProductCardFragment = { id: string, sku: string, name: string, slug: string, inStock: boolean, price: { amount: number, currency: string, formatted: string }, rating: { average: number | null, count: number }, category: { id: string, name: string } };

export type ProductDetailsFragment = { description: string, weight: number, id: string, sku: string, name: string, slug: string, inStock: boolean, shippingEstimate: { amount: number, formatted: string }, inventory: { available: number }, reviews: { totalCount: number, edges: Array<{ node: { id: string, rating: number, title: string, body: string, createdAt: string, verifiedPurchase: boolean, author: { id: string, name: string } } }> }, price: { amount: number, currency: string, formatted: string }, rating: { average: number | null, count: number }, category: { id: string, name: string } };

export type ProductListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  sort?: ProductSort | null | undefined;
}>;


export type ProductListQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, slug: string, inStock: boolean, price: { amount: number, currency: string, formatted: string }, rating: { average: number | null, count: number }, category: { id: string, name: string } } }> } };

export type ProductByIdQueryVariables = Exact<{
  id: string | number;
  reviewsFirst?: number | null | undefined;
}>;


export type ProductByIdQuery = { product: { description: string, weight: number, id: string, sku: string, name: string, slug: string, inStock: boolean, shippingEstimate: { amount: number, formatted: string }, inventory: { available: number }, reviews: { totalCount: number, edges: Array<{ node: { id: string, rating: number, title: string, body: string, createdAt: string, verifiedPurchase: boolean, author: { id: string, name: string } } }> }, price: { amount: number, currency: string, formatted: string }, rating: { average: number | null, count: number }, category: { id: string, name: string } } | null };

export type ProductBySlugQueryVariables = Exact<{
  slug: string;
  reviewsFirst?: number | null | undefined;
}>;


export type ProductBySlugQuery = { product: { description: string, weight: number, id: string, sku: string, name: string, slug: string, inStock: boolean, shippingEstimate: { amount: number, formatted: string }, inventory: { available: number }, reviews: { totalCount: number, edges: Array<{ node: { id: string, rating: number, title: string, body: string, createdAt: string, verifiedPurchase: boolean, author: { id: string, name: string } } }> }, price: { amount: number, currency: string, formatted: string }, rating: { average: number | null, count: number }, category: { id: string, name: string } } | null };

export type CategoryListQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoryListQuery = { categories: Array<{ id: string, name: string, slug: string, parent: { id: string } | null }> };

export type StockChangedSubscriptionVariables = Exact<{
  productIds: Array<string | number> | string | number;
}>;


export type StockChangedSubscription = { stockChanged: { available: number, inStock: boolean, at: string, product: { id: string } } };

export type OrderStatusChangedSubscriptionVariables = Exact<{
  orderId: string | number;
}>;


export type OrderStatusChangedSubscription = { orderStatusChanged: { status: OrderStatus, previousStatus: OrderStatus | null, at: string, order: { id: string, number: string, status: OrderStatus, cancellationReason: string | null, payment: { status: PaymentStatus, failureCode: string | null } | null } } };

export type OrderFieldsFragment = { id: string, number: string, status: OrderStatus, placedAt: string, paymentDueAt: string | null, cancellationReason: string | null, total: { amount: number, currency: string, formatted: string }, items: Array<{ id: string, name: string, quantity: number, unitPrice: { amount: number, formatted: string }, product: { id: string, slug: string } }>, payment: { id: string, status: PaymentStatus, failureCode: string | null } | null };

export type PlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceOrderMutation = { placeOrder: { id: string, number: string, status: OrderStatus, placedAt: string, paymentDueAt: string | null, cancellationReason: string | null, total: { amount: number, currency: string, formatted: string }, items: Array<{ id: string, name: string, quantity: number, unitPrice: { amount: number, formatted: string }, product: { id: string, slug: string } }>, payment: { id: string, status: PaymentStatus, failureCode: string | null } | null } };

export type ConfirmPaymentMutationVariables = Exact<{
  input: ConfirmPaymentInput;
}>;


export type ConfirmPaymentMutation = { confirmPayment: { id: string, status: PaymentStatus, failureCode: string | null, amount: { amount: number, formatted: string } } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { id: string, number: string, status: OrderStatus, placedAt: string, paymentDueAt: string | null, cancellationReason: string | null, total: { amount: number, currency: string, formatted: string }, items: Array<{ id: string, name: string, quantity: number, unitPrice: { amount: number, formatted: string }, product: { id: string, slug: string } }>, payment: { id: string, status: PaymentStatus, failureCode: string | null } | null } | null };

export type MyOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyOrdersQuery = { me: { id: string, orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: OrderStatus, placedAt: string, total: { formatted: string } } }> } } | null };

export type AddReviewMutationVariables = Exact<{
  input: AddReviewInput;
}>;


export type AddReviewMutation = { addReview: { id: string, rating: number, title: string, body: string, createdAt: string } };

export type SessionTokensFragment = { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, email: string, name: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, email: string, name: string } } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { logIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, email: string, name: string } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, user: { id: string, email: string, name: string } } };

export type SignOutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type SignOutMutation = { logOut: boolean };

export const AddressFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AddressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Address"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]} as unknown as DocumentNode<AddressFieldsFragment, unknown>;
export const ProductCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProductCardFragment, unknown>;
export const ProductDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"shippingEstimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reviewsFirst"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProductDetailsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}}]}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const MeDocument = {"__meta__":{"hash":"sha256:f6e4ef92986aba4140d287c328112b06cc545ec58488adf93b6e6f2d4b982bac"}} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const AddAddressDocument = {"__meta__":{"hash":"sha256:115bffd0c1bc5bf455d072e389583dbc1be6440df8e588eb06f6102cf212c4dc"}} as unknown as DocumentNode<AddAddressMutation, AddAddressMutationVariables>;
export const ProductListDocument = {"__meta__":{"hash":"sha256:207f236c0e67442384b68047ae3f06c6f2f12699dec9aab8a2236929080c70b1"}} as unknown as DocumentNode<ProductListQuery, ProductListQueryVariables>;
export const ProductByIdDocument = {"__meta__":{"hash":"sha256:ca3feea0deefcb90550e5edb52d4dd118421515497017e4d06f4906a7506b17f"}} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductBySlugDocument = {"__meta__":{"hash":"sha256:5036cf9d87abe2c9ad8386d5c6225ae685396bb749f62731be5125a93d92e6e0"}} as unknown as DocumentNode<ProductBySlugQuery, ProductBySlugQueryVariables>;
export const CategoryListDocument = {"__meta__":{"hash":"sha256:74bd852ea46b84ed5585c0241aa8692ee1cc83425914a3017dfeeec06ad4badf"}} as unknown as DocumentNode<CategoryListQuery, CategoryListQueryVariables>;
export const StockChangedDocument = {"__meta__":{"hash":"sha256:a509160f60ceeb80b646dcb91d9d668684e98c3d01c4d9e86840faa3707f5986"}} as unknown as DocumentNode<StockChangedSubscription, StockChangedSubscriptionVariables>;
export const OrderStatusChangedDocument = {"__meta__":{"hash":"sha256:5964f0caca0a92213b9d08c91a01ac871b0fce1ae831d4954cfe8d2828a11c42"}} as unknown as DocumentNode<OrderStatusChangedSubscription, OrderStatusChangedSubscriptionVariables>;
export const PlaceOrderDocument = {"__meta__":{"hash":"sha256:fbadd424fc1a4a1cebe738d4fb43fb02e56a46b40046705a3ad484e2fed7ca07"}} as unknown as DocumentNode<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const ConfirmPaymentDocument = {"__meta__":{"hash":"sha256:8c2b875140b6523e95fa44c0c0e62774ce565339186ed734b3f851fca98e1239"}} as unknown as DocumentNode<ConfirmPaymentMutation, ConfirmPaymentMutationVariables>;
export const OrderDocument = {"__meta__":{"hash":"sha256:949920baeda7a32d68430a13ff15e3c9e6f8c919a5b59ebce32fb0fa3feb1ee7"}} as unknown as DocumentNode<OrderQuery, OrderQueryVariables>;
export const MyOrdersDocument = {"__meta__":{"hash":"sha256:161e8a9cb2722ef1639835a95bbf2402945e3e04ffc4cd912b3bd72930c33d91"}} as unknown as DocumentNode<MyOrdersQuery, MyOrdersQueryVariables>;
export const AddReviewDocument = {"__meta__":{"hash":"sha256:5a57b8f693a852b6f13bf25e1b1762e1e14870d4c2d06c3df85f946cde632452"}} as unknown as DocumentNode<AddReviewMutation, AddReviewMutationVariables>;
export const SignUpDocument = {"__meta__":{"hash":"sha256:072b1f873007be5c0ff0cc32c77dac344d17a7ca36150ac4f5dd8722b40ea7cc"}} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:810ce3a80e694af5ca81d3ca53e949361b362deb355b6c549399e012029185e7"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"sha256:3ebff2f9b39679ac85ea825b3833da1b98e0d0f75a81c353ba755d140ecc30d3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:13485d4beae66fd91c492ede6730ae750c4009455bce3310ad44c991ac8183c0"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;