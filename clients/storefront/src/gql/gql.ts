/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment StorefrontAddressFields on Address {\n    id\n    label\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n    isDefault\n  }\n": typeof types.StorefrontAddressFieldsFragmentDoc,
    "\n  query StorefrontMyAddresses {\n    me {\n      id\n      addresses {\n        ...StorefrontAddressFields\n      }\n    }\n  }\n": typeof types.StorefrontMyAddressesDocument,
    "\n  mutation StorefrontAddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n": typeof types.StorefrontAddAddressDocument,
    "\n  mutation StorefrontUpdateAddress($id: ID!, $input: UpdateAddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n": typeof types.StorefrontUpdateAddressDocument,
    "\n  mutation StorefrontDeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n": typeof types.StorefrontDeleteAddressDocument,
    "\n  mutation StorefrontSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...StorefrontAddressFields\n    }\n  }\n": typeof types.StorefrontSetDefaultAddressDocument,
    "\n  fragment StorefrontNotificationPreferencesFields on NotificationPreferences {\n    categories {\n      category\n      email\n      sms\n      push\n      emailLocked\n      lockedReason\n    }\n    smsNumber\n    pushSubscriptions\n  }\n": typeof types.StorefrontNotificationPreferencesFieldsFragmentDoc,
    "\n  query StorefrontNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...StorefrontNotificationPreferencesFields\n      }\n    }\n    pushPublicKey\n  }\n": typeof types.StorefrontNotificationSettingsDocument,
    "\n  mutation StorefrontUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": typeof types.StorefrontUpdateNotificationPreferencesDocument,
    "\n  mutation StorefrontRegisterPushSubscription($subscription: PushSubscriptionInput!) {\n    registerPushSubscription(subscription: $subscription) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": typeof types.StorefrontRegisterPushSubscriptionDocument,
    "\n  mutation StorefrontUnregisterPushSubscription($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": typeof types.StorefrontUnregisterPushSubscriptionDocument,
    "\n  fragment StorefrontOrderDetail on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    paymentDueAt\n    cancellationReason\n    items {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        formatted\n      }\n      lineTotal {\n        formatted\n      }\n      product {\n        id\n        slug\n      }\n    }\n    subtotal {\n      formatted\n    }\n    shipping {\n      formatted\n    }\n    tax {\n      formatted\n    }\n    total {\n      amount\n      currency\n      formatted\n    }\n    shippingAddress {\n      fullName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      phone\n    }\n    statusHistory {\n      from\n      status\n      reason\n      at\n    }\n    payment {\n      id\n      status\n      failureCode\n      amount {\n        formatted\n      }\n      updatedAt\n    }\n  }\n": typeof types.StorefrontOrderDetailFragmentDoc,
    "\n  query StorefrontOrder($id: ID!) {\n    order(id: $id) {\n      ...StorefrontOrderDetail\n    }\n  }\n": typeof types.StorefrontOrderDocument,
    "\n  subscription StorefrontOrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      previousStatus\n      at\n      order {\n        ...StorefrontOrderDetail\n      }\n    }\n  }\n": typeof types.StorefrontOrderStatusChangedDocument,
    "\n  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...StorefrontOrderDetail\n    }\n  }\n": typeof types.StorefrontPlaceOrderDocument,
    "\n  mutation StorefrontConfirmPayment($input: ConfirmPaymentInput!) {\n    confirmPayment(input: $input) {\n      id\n      status\n      failureCode\n    }\n  }\n": typeof types.StorefrontConfirmPaymentDocument,
    "\n  query StorefrontOrderProgress($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      cancellationReason\n      updatedAt\n      payment {\n        id\n        status\n      }\n    }\n  }\n": typeof types.StorefrontOrderProgressDocument,
    "\n  mutation StorefrontCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.StorefrontCancelOrderDocument,
    "\n  query StorefrontMyOrders($first: Int!, $after: String) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            placedAt\n            total {\n              formatted\n            }\n            items {\n              id\n              quantity\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontMyOrdersDocument,
    "\n  mutation StorefrontAddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      id\n      rating\n      title\n    }\n  }\n": typeof types.StorefrontAddReviewDocument,
    "\n  query StorefrontMyReviews {\n    me {\n      id\n      reviews(first: 100) {\n        edges {\n          node {\n            id\n            rating\n            title\n            product {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontMyReviewsDocument,
    "\n  query StorefrontProfile {\n    me {\n      id\n      name\n      email\n    }\n  }\n": typeof types.StorefrontProfileDocument,
    "\n  mutation StorefrontUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.StorefrontUpdateProfileDocument,
    "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n": typeof types.StorefrontCartProductDocument,
    "\n  query StorefrontCatalogue(\n    $query: String\n    $filter: SearchFilter!\n    $sort: SearchSort!\n    $first: Int!\n    $after: String\n    $withoutCategory: SearchFilter!\n    $categoryOn: Boolean!\n    $withoutPrice: SearchFilter!\n    $priceOn: Boolean!\n    $withoutStock: SearchFilter!\n    $stockOn: Boolean!\n    $rating4: SearchFilter!\n    $rating3: SearchFilter!\n    $rating2: SearchFilter!\n  ) {\n    results: searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      didYouMean\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutCategory: searchProducts(query: $query, filter: $withoutCategory, first: 1) @include(if: $categoryOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutPrice: searchProducts(query: $query, filter: $withoutPrice, first: 1) @include(if: $priceOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutStock: searchProducts(query: $query, filter: $withoutStock, first: 1) @include(if: $stockOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    rating4: searchProducts(query: $query, filter: $rating4, first: 1) {\n      totalCount\n    }\n    rating3: searchProducts(query: $query, filter: $rating3, first: 1) {\n      totalCount\n    }\n    rating2: searchProducts(query: $query, filter: $rating2, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment StorefrontSearchFacets on SearchFacets {\n    categories {\n      category {\n        id\n      }\n      count\n    }\n    priceRanges {\n      min\n      max\n      count\n    }\n    inStock\n    outOfStock\n  }\n": typeof types.StorefrontCatalogueDocument,
    "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.StorefrontCategoriesDocument,
    "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n": typeof types.StorefrontProductCardFragmentDoc,
    "\n  query StorefrontAlsoBought($id: ID!, $first: Int!) {\n    product(id: $id) {\n      id\n      alsoBought(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n": typeof types.StorefrontAlsoBoughtDocument,
    "\n  query StorefrontRecommendedProducts($first: Int!) {\n    me {\n      id\n      recommendedProducts(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n": typeof types.StorefrontRecommendedProductsDocument,
    "\n  query StorefrontPopularProducts($first: Int!) {\n    popularProducts(first: $first) {\n      ...StorefrontProductCard\n    }\n  }\n": typeof types.StorefrontPopularProductsDocument,
    "\n  mutation StorefrontProductViewed($productId: ID!) {\n    productViewed(productId: $productId)\n  }\n": typeof types.StorefrontProductViewedDocument,
    "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontProductReviewsDocument,
    "\n  query StorefrontSearchSuggestions($prefix: String!, $first: Int!) {\n    suggestProducts(prefix: $prefix, first: $first) {\n      name\n      product {\n        id\n        slug\n        price {\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.StorefrontSearchSuggestionsDocument,
    "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.StorefrontProductDetailsFragmentDoc,
    "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n": typeof types.StorefrontProductChangedDocument,
    "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n": typeof types.StorefrontStockChangedDocument,
    "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n": typeof types.StorefrontProductDocument,
};
const documents: Documents = {
    "\n  fragment StorefrontAddressFields on Address {\n    id\n    label\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n    isDefault\n  }\n": types.StorefrontAddressFieldsFragmentDoc,
    "\n  query StorefrontMyAddresses {\n    me {\n      id\n      addresses {\n        ...StorefrontAddressFields\n      }\n    }\n  }\n": types.StorefrontMyAddressesDocument,
    "\n  mutation StorefrontAddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n": types.StorefrontAddAddressDocument,
    "\n  mutation StorefrontUpdateAddress($id: ID!, $input: UpdateAddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n": types.StorefrontUpdateAddressDocument,
    "\n  mutation StorefrontDeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n": types.StorefrontDeleteAddressDocument,
    "\n  mutation StorefrontSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...StorefrontAddressFields\n    }\n  }\n": types.StorefrontSetDefaultAddressDocument,
    "\n  fragment StorefrontNotificationPreferencesFields on NotificationPreferences {\n    categories {\n      category\n      email\n      sms\n      push\n      emailLocked\n      lockedReason\n    }\n    smsNumber\n    pushSubscriptions\n  }\n": types.StorefrontNotificationPreferencesFieldsFragmentDoc,
    "\n  query StorefrontNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...StorefrontNotificationPreferencesFields\n      }\n    }\n    pushPublicKey\n  }\n": types.StorefrontNotificationSettingsDocument,
    "\n  mutation StorefrontUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": types.StorefrontUpdateNotificationPreferencesDocument,
    "\n  mutation StorefrontRegisterPushSubscription($subscription: PushSubscriptionInput!) {\n    registerPushSubscription(subscription: $subscription) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": types.StorefrontRegisterPushSubscriptionDocument,
    "\n  mutation StorefrontUnregisterPushSubscription($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n": types.StorefrontUnregisterPushSubscriptionDocument,
    "\n  fragment StorefrontOrderDetail on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    paymentDueAt\n    cancellationReason\n    items {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        formatted\n      }\n      lineTotal {\n        formatted\n      }\n      product {\n        id\n        slug\n      }\n    }\n    subtotal {\n      formatted\n    }\n    shipping {\n      formatted\n    }\n    tax {\n      formatted\n    }\n    total {\n      amount\n      currency\n      formatted\n    }\n    shippingAddress {\n      fullName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      phone\n    }\n    statusHistory {\n      from\n      status\n      reason\n      at\n    }\n    payment {\n      id\n      status\n      failureCode\n      amount {\n        formatted\n      }\n      updatedAt\n    }\n  }\n": types.StorefrontOrderDetailFragmentDoc,
    "\n  query StorefrontOrder($id: ID!) {\n    order(id: $id) {\n      ...StorefrontOrderDetail\n    }\n  }\n": types.StorefrontOrderDocument,
    "\n  subscription StorefrontOrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      previousStatus\n      at\n      order {\n        ...StorefrontOrderDetail\n      }\n    }\n  }\n": types.StorefrontOrderStatusChangedDocument,
    "\n  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...StorefrontOrderDetail\n    }\n  }\n": types.StorefrontPlaceOrderDocument,
    "\n  mutation StorefrontConfirmPayment($input: ConfirmPaymentInput!) {\n    confirmPayment(input: $input) {\n      id\n      status\n      failureCode\n    }\n  }\n": types.StorefrontConfirmPaymentDocument,
    "\n  query StorefrontOrderProgress($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      cancellationReason\n      updatedAt\n      payment {\n        id\n        status\n      }\n    }\n  }\n": types.StorefrontOrderProgressDocument,
    "\n  mutation StorefrontCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n": types.StorefrontCancelOrderDocument,
    "\n  query StorefrontMyOrders($first: Int!, $after: String) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            placedAt\n            total {\n              formatted\n            }\n            items {\n              id\n              quantity\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontMyOrdersDocument,
    "\n  mutation StorefrontAddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      id\n      rating\n      title\n    }\n  }\n": types.StorefrontAddReviewDocument,
    "\n  query StorefrontMyReviews {\n    me {\n      id\n      reviews(first: 100) {\n        edges {\n          node {\n            id\n            rating\n            title\n            product {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontMyReviewsDocument,
    "\n  query StorefrontProfile {\n    me {\n      id\n      name\n      email\n    }\n  }\n": types.StorefrontProfileDocument,
    "\n  mutation StorefrontUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      email\n    }\n  }\n": types.StorefrontUpdateProfileDocument,
    "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n": types.StorefrontCartProductDocument,
    "\n  query StorefrontCatalogue(\n    $query: String\n    $filter: SearchFilter!\n    $sort: SearchSort!\n    $first: Int!\n    $after: String\n    $withoutCategory: SearchFilter!\n    $categoryOn: Boolean!\n    $withoutPrice: SearchFilter!\n    $priceOn: Boolean!\n    $withoutStock: SearchFilter!\n    $stockOn: Boolean!\n    $rating4: SearchFilter!\n    $rating3: SearchFilter!\n    $rating2: SearchFilter!\n  ) {\n    results: searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      didYouMean\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutCategory: searchProducts(query: $query, filter: $withoutCategory, first: 1) @include(if: $categoryOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutPrice: searchProducts(query: $query, filter: $withoutPrice, first: 1) @include(if: $priceOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutStock: searchProducts(query: $query, filter: $withoutStock, first: 1) @include(if: $stockOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    rating4: searchProducts(query: $query, filter: $rating4, first: 1) {\n      totalCount\n    }\n    rating3: searchProducts(query: $query, filter: $rating3, first: 1) {\n      totalCount\n    }\n    rating2: searchProducts(query: $query, filter: $rating2, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment StorefrontSearchFacets on SearchFacets {\n    categories {\n      category {\n        id\n      }\n      count\n    }\n    priceRanges {\n      min\n      max\n      count\n    }\n    inStock\n    outOfStock\n  }\n": types.StorefrontCatalogueDocument,
    "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n": types.StorefrontCategoriesDocument,
    "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n": types.StorefrontProductCardFragmentDoc,
    "\n  query StorefrontAlsoBought($id: ID!, $first: Int!) {\n    product(id: $id) {\n      id\n      alsoBought(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n": types.StorefrontAlsoBoughtDocument,
    "\n  query StorefrontRecommendedProducts($first: Int!) {\n    me {\n      id\n      recommendedProducts(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n": types.StorefrontRecommendedProductsDocument,
    "\n  query StorefrontPopularProducts($first: Int!) {\n    popularProducts(first: $first) {\n      ...StorefrontProductCard\n    }\n  }\n": types.StorefrontPopularProductsDocument,
    "\n  mutation StorefrontProductViewed($productId: ID!) {\n    productViewed(productId: $productId)\n  }\n": types.StorefrontProductViewedDocument,
    "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontProductReviewsDocument,
    "\n  query StorefrontSearchSuggestions($prefix: String!, $first: Int!) {\n    suggestProducts(prefix: $prefix, first: $first) {\n      name\n      product {\n        id\n        slug\n        price {\n          formatted\n        }\n      }\n    }\n  }\n": types.StorefrontSearchSuggestionsDocument,
    "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.StorefrontProductDetailsFragmentDoc,
    "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n": types.StorefrontProductChangedDocument,
    "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n": types.StorefrontStockChangedDocument,
    "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n": types.StorefrontProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontAddressFields on Address {\n    id\n    label\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n    isDefault\n  }\n"): (typeof documents)["\n  fragment StorefrontAddressFields on Address {\n    id\n    label\n    fullName\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    phone\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontMyAddresses {\n    me {\n      id\n      addresses {\n        ...StorefrontAddressFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontMyAddresses {\n    me {\n      id\n      addresses {\n        ...StorefrontAddressFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontAddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontAddAddress($input: AddAddressInput!) {\n    addAddress(input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontUpdateAddress($id: ID!, $input: UpdateAddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontUpdateAddress($id: ID!, $input: UpdateAddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...StorefrontAddressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontDeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n"): (typeof documents)["\n  mutation StorefrontDeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...StorefrontAddressFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...StorefrontAddressFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontNotificationPreferencesFields on NotificationPreferences {\n    categories {\n      category\n      email\n      sms\n      push\n      emailLocked\n      lockedReason\n    }\n    smsNumber\n    pushSubscriptions\n  }\n"): (typeof documents)["\n  fragment StorefrontNotificationPreferencesFields on NotificationPreferences {\n    categories {\n      category\n      email\n      sms\n      push\n      emailLocked\n      lockedReason\n    }\n    smsNumber\n    pushSubscriptions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...StorefrontNotificationPreferencesFields\n      }\n    }\n    pushPublicKey\n  }\n"): (typeof documents)["\n  query StorefrontNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...StorefrontNotificationPreferencesFields\n      }\n    }\n    pushPublicKey\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontRegisterPushSubscription($subscription: PushSubscriptionInput!) {\n    registerPushSubscription(subscription: $subscription) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontRegisterPushSubscription($subscription: PushSubscriptionInput!) {\n    registerPushSubscription(subscription: $subscription) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontUnregisterPushSubscription($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontUnregisterPushSubscription($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint) {\n      ...StorefrontNotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontOrderDetail on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    paymentDueAt\n    cancellationReason\n    items {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        formatted\n      }\n      lineTotal {\n        formatted\n      }\n      product {\n        id\n        slug\n      }\n    }\n    subtotal {\n      formatted\n    }\n    shipping {\n      formatted\n    }\n    tax {\n      formatted\n    }\n    total {\n      amount\n      currency\n      formatted\n    }\n    shippingAddress {\n      fullName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      phone\n    }\n    statusHistory {\n      from\n      status\n      reason\n      at\n    }\n    payment {\n      id\n      status\n      failureCode\n      amount {\n        formatted\n      }\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  fragment StorefrontOrderDetail on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    paymentDueAt\n    cancellationReason\n    items {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        formatted\n      }\n      lineTotal {\n        formatted\n      }\n      product {\n        id\n        slug\n      }\n    }\n    subtotal {\n      formatted\n    }\n    shipping {\n      formatted\n    }\n    tax {\n      formatted\n    }\n    total {\n      amount\n      currency\n      formatted\n    }\n    shippingAddress {\n      fullName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      phone\n    }\n    statusHistory {\n      from\n      status\n      reason\n      at\n    }\n    payment {\n      id\n      status\n      failureCode\n      amount {\n        formatted\n      }\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontOrder($id: ID!) {\n    order(id: $id) {\n      ...StorefrontOrderDetail\n    }\n  }\n"): (typeof documents)["\n  query StorefrontOrder($id: ID!) {\n    order(id: $id) {\n      ...StorefrontOrderDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorefrontOrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      previousStatus\n      at\n      order {\n        ...StorefrontOrderDetail\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StorefrontOrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      previousStatus\n      at\n      order {\n        ...StorefrontOrderDetail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...StorefrontOrderDetail\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      ...StorefrontOrderDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontConfirmPayment($input: ConfirmPaymentInput!) {\n    confirmPayment(input: $input) {\n      id\n      status\n      failureCode\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontConfirmPayment($input: ConfirmPaymentInput!) {\n    confirmPayment(input: $input) {\n      id\n      status\n      failureCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontOrderProgress($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      cancellationReason\n      updatedAt\n      payment {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontOrderProgress($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      cancellationReason\n      updatedAt\n      payment {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontMyOrders($first: Int!, $after: String) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            placedAt\n            total {\n              formatted\n            }\n            items {\n              id\n              quantity\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontMyOrders($first: Int!, $after: String) {\n    me {\n      id\n      orders(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            status\n            placedAt\n            total {\n              formatted\n            }\n            items {\n              id\n              quantity\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontAddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      id\n      rating\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontAddReview($input: AddReviewInput!) {\n    addReview(input: $input) {\n      id\n      rating\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontMyReviews {\n    me {\n      id\n      reviews(first: 100) {\n        edges {\n          node {\n            id\n            rating\n            title\n            product {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontMyReviews {\n    me {\n      id\n      reviews(first: 100) {\n        edges {\n          node {\n            id\n            rating\n            title\n            product {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontProfile {\n    me {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query StorefrontProfile {\n    me {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCartProduct($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      slug\n      status\n      inStock\n      inventory {\n        available\n      }\n      price {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCatalogue(\n    $query: String\n    $filter: SearchFilter!\n    $sort: SearchSort!\n    $first: Int!\n    $after: String\n    $withoutCategory: SearchFilter!\n    $categoryOn: Boolean!\n    $withoutPrice: SearchFilter!\n    $priceOn: Boolean!\n    $withoutStock: SearchFilter!\n    $stockOn: Boolean!\n    $rating4: SearchFilter!\n    $rating3: SearchFilter!\n    $rating2: SearchFilter!\n  ) {\n    results: searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      didYouMean\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutCategory: searchProducts(query: $query, filter: $withoutCategory, first: 1) @include(if: $categoryOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutPrice: searchProducts(query: $query, filter: $withoutPrice, first: 1) @include(if: $priceOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutStock: searchProducts(query: $query, filter: $withoutStock, first: 1) @include(if: $stockOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    rating4: searchProducts(query: $query, filter: $rating4, first: 1) {\n      totalCount\n    }\n    rating3: searchProducts(query: $query, filter: $rating3, first: 1) {\n      totalCount\n    }\n    rating2: searchProducts(query: $query, filter: $rating2, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment StorefrontSearchFacets on SearchFacets {\n    categories {\n      category {\n        id\n      }\n      count\n    }\n    priceRanges {\n      min\n      max\n      count\n    }\n    inStock\n    outOfStock\n  }\n"): (typeof documents)["\n  query StorefrontCatalogue(\n    $query: String\n    $filter: SearchFilter!\n    $sort: SearchSort!\n    $first: Int!\n    $after: String\n    $withoutCategory: SearchFilter!\n    $categoryOn: Boolean!\n    $withoutPrice: SearchFilter!\n    $priceOn: Boolean!\n    $withoutStock: SearchFilter!\n    $stockOn: Boolean!\n    $rating4: SearchFilter!\n    $rating3: SearchFilter!\n    $rating2: SearchFilter!\n  ) {\n    results: searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      didYouMean\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...StorefrontProductCard\n        }\n      }\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutCategory: searchProducts(query: $query, filter: $withoutCategory, first: 1) @include(if: $categoryOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutPrice: searchProducts(query: $query, filter: $withoutPrice, first: 1) @include(if: $priceOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    withoutStock: searchProducts(query: $query, filter: $withoutStock, first: 1) @include(if: $stockOn) {\n      facets {\n        ...StorefrontSearchFacets\n      }\n    }\n    rating4: searchProducts(query: $query, filter: $rating4, first: 1) {\n      totalCount\n    }\n    rating3: searchProducts(query: $query, filter: $rating3, first: 1) {\n      totalCount\n    }\n    rating2: searchProducts(query: $query, filter: $rating2, first: 1) {\n      totalCount\n    }\n  }\n\n  fragment StorefrontSearchFacets on SearchFacets {\n    categories {\n      category {\n        id\n      }\n      count\n    }\n    priceRanges {\n      min\n      max\n      count\n    }\n    inStock\n    outOfStock\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StorefrontProductCard on Product {\n    id\n    name\n    slug\n    inStock\n    price {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontAlsoBought($id: ID!, $first: Int!) {\n    product(id: $id) {\n      id\n      alsoBought(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontAlsoBought($id: ID!, $first: Int!) {\n    product(id: $id) {\n      id\n      alsoBought(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontRecommendedProducts($first: Int!) {\n    me {\n      id\n      recommendedProducts(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontRecommendedProducts($first: Int!) {\n    me {\n      id\n      recommendedProducts(first: $first) {\n        ...StorefrontProductCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontPopularProducts($first: Int!) {\n    popularProducts(first: $first) {\n      ...StorefrontProductCard\n    }\n  }\n"): (typeof documents)["\n  query StorefrontPopularProducts($first: Int!) {\n    popularProducts(first: $first) {\n      ...StorefrontProductCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontProductViewed($productId: ID!) {\n    productViewed(productId: $productId)\n  }\n"): (typeof documents)["\n  mutation StorefrontProductViewed($productId: ID!) {\n    productViewed(productId: $productId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {\n    product(id: $id) {\n      id\n      reviews(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            rating\n            title\n            body\n            createdAt\n            verifiedPurchase\n            author {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontSearchSuggestions($prefix: String!, $first: Int!) {\n    suggestProducts(prefix: $prefix, first: $first) {\n      name\n      product {\n        id\n        slug\n        price {\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontSearchSuggestions($prefix: String!, $first: Int!) {\n    suggestProducts(prefix: $prefix, first: $first) {\n      name\n      product {\n        id\n        slug\n        price {\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StorefrontProductDetails on Product {\n    id\n    name\n    slug\n    sku\n    description\n    status\n    price {\n      amount\n      formatted\n    }\n    shippingEstimate {\n      amount\n      formatted\n    }\n    rating {\n      average\n      count\n    }\n    category {\n      id\n      path {\n        id\n        name\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n"): (typeof documents)["\n  subscription StorefrontProductChanged($productIds: [ID!]!) {\n    productChanged(productIds: $productIds) {\n      ...StorefrontProductDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StorefrontStockChanged($productIds: [ID!]!) {\n    stockChanged(productIds: $productIds) {\n      available\n      inStock\n      product {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontProduct($slug: String!) {\n    product(slug: $slug) {\n      ...StorefrontProductDetails\n      inStock\n      inventory {\n        available\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;