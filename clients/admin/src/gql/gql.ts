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
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    tier\n    status\n    expiresAt\n    createdAt\n    rotatedAt\n    revokedAt\n    lastUsedAt\n    owner {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...AdminApiKeyFields\n        }\n      }\n    }\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  mutation AdminRotateApiKey($id: ID!) {\n    rotateApiKey(id: $id) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminRotateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": typeof types.AdminRevokeApiKeyDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": typeof types.AdminCreateApiKeyDocument,
    "\n  query AdminCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n      path {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminCategoriesDocument,
    "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.AdminCreateCategoryDocument,
    "\n  query AdminSalesDashboard($from: String!, $to: String!, $threshold: Int!) {\n    salesReport(from: $from, to: $to, granularity: DAY) {\n      rows {\n        periodStart\n        currency\n        ordersPlaced\n        ordersPaid\n        ordersCancelled\n        revenue {\n          ...AdminMoney\n        }\n        placedToPaidConversion\n      }\n    }\n    lowStock(threshold: $threshold, first: 20) {\n      product {\n        id\n        name\n        sku\n      }\n      available\n      onHand\n      warehouses {\n        warehouseCode\n        available\n        onHand\n      }\n    }\n  }\n": typeof types.AdminSalesDashboardDocument,
    "\n  query AdminSalesReportCsv($from: String!, $to: String!) {\n    salesReportCsv(from: $from, to: $to, granularity: DAY, groupBy: PRODUCT)\n  }\n": typeof types.AdminSalesReportCsvDocument,
    "\n  fragment AdminMoney on Money {\n    amount\n    currency\n    formatted\n  }\n": typeof types.AdminMoneyFragmentDoc,
    "\n  fragment AdminPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.AdminPageInfoFragmentDoc,
    "\n  fragment AdminStockLevel on WarehouseStock {\n    onHand\n    reserved\n    available\n    updatedAt\n    warehouse {\n      id\n      code\n      name\n      active\n    }\n  }\n": typeof types.AdminStockLevelFragmentDoc,
    "\n  fragment AdminOrderRow on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    total {\n      ...AdminMoney\n    }\n    customer {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AdminOrderRowFragmentDoc,
    "\n  query AdminOrderList($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n": typeof types.AdminOrderListDocument,
    "\n  subscription AdminOrderFeed {\n    orderStatusChanges {\n      status\n      previousStatus\n      at\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n": typeof types.AdminOrderFeedDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n      paymentDueAt\n      subtotal {\n        formatted\n      }\n      shipping {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      items {\n        id\n        sku\n        name\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        product {\n          id\n        }\n      }\n      shippingAddress {\n        fullName\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n        phone\n      }\n      statusHistory {\n        from\n        status\n        reason\n        at\n      }\n      payment {\n        id\n        status\n        provider\n        attempts\n        failureCode\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": typeof types.AdminOrderDocument,
    "\n  subscription AdminOrderChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      at\n    }\n  }\n": typeof types.AdminOrderChangedDocument,
    "\n  mutation AdminFulfillOrder($id: ID!) {\n    fulfillOrder(id: $id) {\n      ...AdminOrderRow\n    }\n  }\n": typeof types.AdminFulfillOrderDocument,
    "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n    }\n  }\n": typeof types.AdminCancelOrderDocument,
    "\n  mutation AdminRefundPayment($id: ID!) {\n    refundPayment(id: $id) {\n      id\n      status\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n": typeof types.AdminRefundPaymentDocument,
    "\n  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          status\n          price {\n            ...AdminMoney\n          }\n          category {\n            id\n            name\n          }\n          inventory {\n            available\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminProductListDocument,
    "\n  fragment AdminProductFields on Product {\n    id\n    name\n    sku\n    slug\n    description\n    weight\n    status\n    updatedAt\n    price {\n      ...AdminMoney\n    }\n    category {\n      id\n      name\n    }\n  }\n": typeof types.AdminProductFieldsFragmentDoc,
    "\n  query AdminProduct($id: ID!) {\n    product(id: $id) {\n      ...AdminProductFields\n      inventory {\n        available\n        reserved\n        warehouses {\n          ...AdminStockLevel\n        }\n      }\n    }\n  }\n": typeof types.AdminProductDocument,
    "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.AdminCreateProductDocument,
    "\n  mutation AdminUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...AdminProductFields\n    }\n  }\n": typeof types.AdminUpdateProductDocument,
    "\n  mutation AdminArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AdminArchiveProductDocument,
    "\n  fragment AdminReviewFields on Review {\n    id\n    rating\n    title\n    body\n    hidden\n    hiddenReason\n    createdAt\n    verifiedPurchase\n    author {\n      id\n      name\n      email\n    }\n    product {\n      id\n      name\n    }\n  }\n": typeof types.AdminReviewFieldsFragmentDoc,
    "\n  fragment AdminReviewPage on ReviewConnection {\n    totalCount\n    edges {\n      node {\n        ...AdminReviewFields\n      }\n    }\n  }\n": typeof types.AdminReviewPageFragmentDoc,
    "\n  query AdminProductReviews($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      rating {\n        average\n        count\n      }\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n": typeof types.AdminProductReviewsDocument,
    "\n  query AdminCustomerReviews($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n": typeof types.AdminCustomerReviewsDocument,
    "\n  query AdminCustomers($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          roles\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomersDocument,
    "\n  mutation AdminModerateReview($id: ID!, $hidden: Boolean!, $reason: String) {\n    moderateReview(id: $id, hidden: $hidden, reason: $reason) {\n      ...AdminReviewFields\n    }\n  }\n": typeof types.AdminModerateReviewDocument,
    "\n  fragment AdminNotificationPreferencesFields on NotificationPreferences {\n    smsNumber\n    pushSubscriptions\n    categories {\n      category\n      email\n      sms\n      push\n    }\n  }\n": typeof types.AdminNotificationPreferencesFieldsFragmentDoc,
    "\n  query AdminNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...AdminNotificationPreferencesFields\n      }\n    }\n  }\n": typeof types.AdminNotificationSettingsDocument,
    "\n  mutation AdminUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...AdminNotificationPreferencesFields\n    }\n  }\n": typeof types.AdminUpdateNotificationPreferencesDocument,
    "\n  query AdminLowStockThresholds {\n    lowStockThresholds {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n": typeof types.AdminLowStockThresholdsDocument,
    "\n  mutation AdminSetLowStockThreshold($productId: ID!, $warehouseId: ID, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n": typeof types.AdminSetLowStockThresholdDocument,
    "\n  query AdminWarehouses {\n    warehouses {\n      id\n      code\n      name\n      city\n      country\n      active\n    }\n  }\n": typeof types.AdminWarehousesDocument,
    "\n  mutation AdminAdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...AdminStockLevel\n      product {\n        id\n        inventory {\n          available\n          reserved\n        }\n      }\n    }\n  }\n": typeof types.AdminAdjustStockDocument,
    "\n  query AdminStock($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          inventory {\n            available\n            reserved\n            warehouses {\n              ...AdminStockLevel\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminStockDocument,
};
const documents: Documents = {
    "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    tier\n    status\n    expiresAt\n    createdAt\n    rotatedAt\n    revokedAt\n    lastUsedAt\n    owner {\n      id\n      name\n      email\n    }\n  }\n": types.AdminApiKeyFieldsFragmentDoc,
    "\n  query AdminApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...AdminApiKeyFields\n        }\n      }\n    }\n  }\n": types.AdminApiKeysDocument,
    "\n  mutation AdminRotateApiKey($id: ID!) {\n    rotateApiKey(id: $id) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminRotateApiKeyDocument,
    "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n": types.AdminRevokeApiKeyDocument,
    "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n": types.AdminCreateApiKeyDocument,
    "\n  query AdminCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n      path {\n        id\n        name\n      }\n    }\n  }\n": types.AdminCategoriesDocument,
    "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": types.AdminCreateCategoryDocument,
    "\n  query AdminSalesDashboard($from: String!, $to: String!, $threshold: Int!) {\n    salesReport(from: $from, to: $to, granularity: DAY) {\n      rows {\n        periodStart\n        currency\n        ordersPlaced\n        ordersPaid\n        ordersCancelled\n        revenue {\n          ...AdminMoney\n        }\n        placedToPaidConversion\n      }\n    }\n    lowStock(threshold: $threshold, first: 20) {\n      product {\n        id\n        name\n        sku\n      }\n      available\n      onHand\n      warehouses {\n        warehouseCode\n        available\n        onHand\n      }\n    }\n  }\n": types.AdminSalesDashboardDocument,
    "\n  query AdminSalesReportCsv($from: String!, $to: String!) {\n    salesReportCsv(from: $from, to: $to, granularity: DAY, groupBy: PRODUCT)\n  }\n": types.AdminSalesReportCsvDocument,
    "\n  fragment AdminMoney on Money {\n    amount\n    currency\n    formatted\n  }\n": types.AdminMoneyFragmentDoc,
    "\n  fragment AdminPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.AdminPageInfoFragmentDoc,
    "\n  fragment AdminStockLevel on WarehouseStock {\n    onHand\n    reserved\n    available\n    updatedAt\n    warehouse {\n      id\n      code\n      name\n      active\n    }\n  }\n": types.AdminStockLevelFragmentDoc,
    "\n  fragment AdminOrderRow on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    total {\n      ...AdminMoney\n    }\n    customer {\n      id\n      name\n      email\n    }\n  }\n": types.AdminOrderRowFragmentDoc,
    "\n  query AdminOrderList($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n": types.AdminOrderListDocument,
    "\n  subscription AdminOrderFeed {\n    orderStatusChanges {\n      status\n      previousStatus\n      at\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n": types.AdminOrderFeedDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n      paymentDueAt\n      subtotal {\n        formatted\n      }\n      shipping {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      items {\n        id\n        sku\n        name\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        product {\n          id\n        }\n      }\n      shippingAddress {\n        fullName\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n        phone\n      }\n      statusHistory {\n        from\n        status\n        reason\n        at\n      }\n      payment {\n        id\n        status\n        provider\n        attempts\n        failureCode\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n": types.AdminOrderDocument,
    "\n  subscription AdminOrderChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      at\n    }\n  }\n": types.AdminOrderChangedDocument,
    "\n  mutation AdminFulfillOrder($id: ID!) {\n    fulfillOrder(id: $id) {\n      ...AdminOrderRow\n    }\n  }\n": types.AdminFulfillOrderDocument,
    "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n    }\n  }\n": types.AdminCancelOrderDocument,
    "\n  mutation AdminRefundPayment($id: ID!) {\n    refundPayment(id: $id) {\n      id\n      status\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n": types.AdminRefundPaymentDocument,
    "\n  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          status\n          price {\n            ...AdminMoney\n          }\n          category {\n            id\n            name\n          }\n          inventory {\n            available\n          }\n        }\n      }\n    }\n  }\n": types.AdminProductListDocument,
    "\n  fragment AdminProductFields on Product {\n    id\n    name\n    sku\n    slug\n    description\n    weight\n    status\n    updatedAt\n    price {\n      ...AdminMoney\n    }\n    category {\n      id\n      name\n    }\n  }\n": types.AdminProductFieldsFragmentDoc,
    "\n  query AdminProduct($id: ID!) {\n    product(id: $id) {\n      ...AdminProductFields\n      inventory {\n        available\n        reserved\n        warehouses {\n          ...AdminStockLevel\n        }\n      }\n    }\n  }\n": types.AdminProductDocument,
    "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": types.AdminCreateProductDocument,
    "\n  mutation AdminUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...AdminProductFields\n    }\n  }\n": types.AdminUpdateProductDocument,
    "\n  mutation AdminArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      id\n      status\n    }\n  }\n": types.AdminArchiveProductDocument,
    "\n  fragment AdminReviewFields on Review {\n    id\n    rating\n    title\n    body\n    hidden\n    hiddenReason\n    createdAt\n    verifiedPurchase\n    author {\n      id\n      name\n      email\n    }\n    product {\n      id\n      name\n    }\n  }\n": types.AdminReviewFieldsFragmentDoc,
    "\n  fragment AdminReviewPage on ReviewConnection {\n    totalCount\n    edges {\n      node {\n        ...AdminReviewFields\n      }\n    }\n  }\n": types.AdminReviewPageFragmentDoc,
    "\n  query AdminProductReviews($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      rating {\n        average\n        count\n      }\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n": types.AdminProductReviewsDocument,
    "\n  query AdminCustomerReviews($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n": types.AdminCustomerReviewsDocument,
    "\n  query AdminCustomers($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          roles\n        }\n      }\n    }\n  }\n": types.AdminCustomersDocument,
    "\n  mutation AdminModerateReview($id: ID!, $hidden: Boolean!, $reason: String) {\n    moderateReview(id: $id, hidden: $hidden, reason: $reason) {\n      ...AdminReviewFields\n    }\n  }\n": types.AdminModerateReviewDocument,
    "\n  fragment AdminNotificationPreferencesFields on NotificationPreferences {\n    smsNumber\n    pushSubscriptions\n    categories {\n      category\n      email\n      sms\n      push\n    }\n  }\n": types.AdminNotificationPreferencesFieldsFragmentDoc,
    "\n  query AdminNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...AdminNotificationPreferencesFields\n      }\n    }\n  }\n": types.AdminNotificationSettingsDocument,
    "\n  mutation AdminUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...AdminNotificationPreferencesFields\n    }\n  }\n": types.AdminUpdateNotificationPreferencesDocument,
    "\n  query AdminLowStockThresholds {\n    lowStockThresholds {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n": types.AdminLowStockThresholdsDocument,
    "\n  mutation AdminSetLowStockThreshold($productId: ID!, $warehouseId: ID, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n": types.AdminSetLowStockThresholdDocument,
    "\n  query AdminWarehouses {\n    warehouses {\n      id\n      code\n      name\n      city\n      country\n      active\n    }\n  }\n": types.AdminWarehousesDocument,
    "\n  mutation AdminAdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...AdminStockLevel\n      product {\n        id\n        inventory {\n          available\n          reserved\n        }\n      }\n    }\n  }\n": types.AdminAdjustStockDocument,
    "\n  query AdminStock($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          inventory {\n            available\n            reserved\n            warehouses {\n              ...AdminStockLevel\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AdminStockDocument,
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
export function graphql(source: "\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    tier\n    status\n    expiresAt\n    createdAt\n    rotatedAt\n    revokedAt\n    lastUsedAt\n    owner {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AdminApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    tier\n    status\n    expiresAt\n    createdAt\n    rotatedAt\n    revokedAt\n    lastUsedAt\n    owner {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...AdminApiKeyFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeys($first: Int, $after: String) {\n    apiKeys(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...AdminApiKeyFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRotateApiKey($id: ID!) {\n    rotateApiKey(id: $id) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRotateApiKey($id: ID!) {\n    rotateApiKey(id: $id) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...AdminApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        ...AdminApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n      path {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCategories {\n    categories {\n      id\n      name\n      slug\n      productCount\n      parent {\n        id\n      }\n      path {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSalesDashboard($from: String!, $to: String!, $threshold: Int!) {\n    salesReport(from: $from, to: $to, granularity: DAY) {\n      rows {\n        periodStart\n        currency\n        ordersPlaced\n        ordersPaid\n        ordersCancelled\n        revenue {\n          ...AdminMoney\n        }\n        placedToPaidConversion\n      }\n    }\n    lowStock(threshold: $threshold, first: 20) {\n      product {\n        id\n        name\n        sku\n      }\n      available\n      onHand\n      warehouses {\n        warehouseCode\n        available\n        onHand\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSalesDashboard($from: String!, $to: String!, $threshold: Int!) {\n    salesReport(from: $from, to: $to, granularity: DAY) {\n      rows {\n        periodStart\n        currency\n        ordersPlaced\n        ordersPaid\n        ordersCancelled\n        revenue {\n          ...AdminMoney\n        }\n        placedToPaidConversion\n      }\n    }\n    lowStock(threshold: $threshold, first: 20) {\n      product {\n        id\n        name\n        sku\n      }\n      available\n      onHand\n      warehouses {\n        warehouseCode\n        available\n        onHand\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSalesReportCsv($from: String!, $to: String!) {\n    salesReportCsv(from: $from, to: $to, granularity: DAY, groupBy: PRODUCT)\n  }\n"): (typeof documents)["\n  query AdminSalesReportCsv($from: String!, $to: String!) {\n    salesReportCsv(from: $from, to: $to, granularity: DAY, groupBy: PRODUCT)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminMoney on Money {\n    amount\n    currency\n    formatted\n  }\n"): (typeof documents)["\n  fragment AdminMoney on Money {\n    amount\n    currency\n    formatted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment AdminPageInfo on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminStockLevel on WarehouseStock {\n    onHand\n    reserved\n    available\n    updatedAt\n    warehouse {\n      id\n      code\n      name\n      active\n    }\n  }\n"): (typeof documents)["\n  fragment AdminStockLevel on WarehouseStock {\n    onHand\n    reserved\n    available\n    updatedAt\n    warehouse {\n      id\n      code\n      name\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminOrderRow on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    total {\n      ...AdminMoney\n    }\n    customer {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AdminOrderRow on Order {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    total {\n      ...AdminMoney\n    }\n    customer {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrderList($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrderList($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminOrderFeed {\n    orderStatusChanges {\n      status\n      previousStatus\n      at\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AdminOrderFeed {\n    orderStatusChanges {\n      status\n      previousStatus\n      at\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n      paymentDueAt\n      subtotal {\n        formatted\n      }\n      shipping {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      items {\n        id\n        sku\n        name\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        product {\n          id\n        }\n      }\n      shippingAddress {\n        fullName\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n        phone\n      }\n      statusHistory {\n        from\n        status\n        reason\n        at\n      }\n      payment {\n        id\n        status\n        provider\n        attempts\n        failureCode\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n      paymentDueAt\n      subtotal {\n        formatted\n      }\n      shipping {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      items {\n        id\n        sku\n        name\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        product {\n          id\n        }\n      }\n      shippingAddress {\n        fullName\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n        phone\n      }\n      statusHistory {\n        from\n        status\n        reason\n        at\n      }\n      payment {\n        id\n        status\n        provider\n        attempts\n        failureCode\n        amount {\n          formatted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminOrderChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription AdminOrderChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      status\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminFulfillOrder($id: ID!) {\n    fulfillOrder(id: $id) {\n      ...AdminOrderRow\n    }\n  }\n"): (typeof documents)["\n  mutation AdminFulfillOrder($id: ID!) {\n    fulfillOrder(id: $id) {\n      ...AdminOrderRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      ...AdminOrderRow\n      cancellationReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRefundPayment($id: ID!) {\n    refundPayment(id: $id) {\n      id\n      status\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRefundPayment($id: ID!) {\n    refundPayment(id: $id) {\n      id\n      status\n      order {\n        ...AdminOrderRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          status\n          price {\n            ...AdminMoney\n          }\n          category {\n            id\n            name\n          }\n          inventory {\n            available\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProductList($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          status\n          price {\n            ...AdminMoney\n          }\n          category {\n            id\n            name\n          }\n          inventory {\n            available\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminProductFields on Product {\n    id\n    name\n    sku\n    slug\n    description\n    weight\n    status\n    updatedAt\n    price {\n      ...AdminMoney\n    }\n    category {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminProductFields on Product {\n    id\n    name\n    sku\n    slug\n    description\n    weight\n    status\n    updatedAt\n    price {\n      ...AdminMoney\n    }\n    category {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProduct($id: ID!) {\n    product(id: $id) {\n      ...AdminProductFields\n      inventory {\n        available\n        reserved\n        warehouses {\n          ...AdminStockLevel\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProduct($id: ID!) {\n    product(id: $id) {\n      ...AdminProductFields\n      inventory {\n        available\n        reserved\n        warehouses {\n          ...AdminStockLevel\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...AdminProductFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...AdminProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AdminArchiveProduct($id: ID!) {\n    archiveProduct(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminReviewFields on Review {\n    id\n    rating\n    title\n    body\n    hidden\n    hiddenReason\n    createdAt\n    verifiedPurchase\n    author {\n      id\n      name\n      email\n    }\n    product {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminReviewFields on Review {\n    id\n    rating\n    title\n    body\n    hidden\n    hiddenReason\n    createdAt\n    verifiedPurchase\n    author {\n      id\n      name\n      email\n    }\n    product {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminReviewPage on ReviewConnection {\n    totalCount\n    edges {\n      node {\n        ...AdminReviewFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminReviewPage on ReviewConnection {\n    totalCount\n    edges {\n      node {\n        ...AdminReviewFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProductReviews($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      rating {\n        average\n        count\n      }\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProductReviews($id: ID!) {\n    product(id: $id) {\n      id\n      name\n      rating {\n        average\n        count\n      }\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerReviews($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerReviews($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      reviews(first: 50) {\n        ...AdminReviewPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomers($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          roles\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomers($first: Int, $after: String) {\n    users(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          roles\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminModerateReview($id: ID!, $hidden: Boolean!, $reason: String) {\n    moderateReview(id: $id, hidden: $hidden, reason: $reason) {\n      ...AdminReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminModerateReview($id: ID!, $hidden: Boolean!, $reason: String) {\n    moderateReview(id: $id, hidden: $hidden, reason: $reason) {\n      ...AdminReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminNotificationPreferencesFields on NotificationPreferences {\n    smsNumber\n    pushSubscriptions\n    categories {\n      category\n      email\n      sms\n      push\n    }\n  }\n"): (typeof documents)["\n  fragment AdminNotificationPreferencesFields on NotificationPreferences {\n    smsNumber\n    pushSubscriptions\n    categories {\n      category\n      email\n      sms\n      push\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...AdminNotificationPreferencesFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminNotificationSettings {\n    me {\n      id\n      notificationPreferences {\n        ...AdminNotificationPreferencesFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...AdminNotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...AdminNotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminLowStockThresholds {\n    lowStockThresholds {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminLowStockThresholds {\n    lowStockThresholds {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetLowStockThreshold($productId: ID!, $warehouseId: ID, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetLowStockThreshold($productId: ID!, $warehouseId: ID, $threshold: Int!) {\n    setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) {\n      product {\n        id\n      }\n      warehouse {\n        id\n      }\n      threshold\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWarehouses {\n    warehouses {\n      id\n      code\n      name\n      city\n      country\n      active\n    }\n  }\n"): (typeof documents)["\n  query AdminWarehouses {\n    warehouses {\n      id\n      code\n      name\n      city\n      country\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...AdminStockLevel\n      product {\n        id\n        inventory {\n          available\n          reserved\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...AdminStockLevel\n      product {\n        id\n        inventory {\n          available\n          reserved\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStock($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          inventory {\n            available\n            reserved\n            warehouses {\n              ...AdminStockLevel\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStock($first: Int!, $after: String, $filter: ProductFilter) {\n    products(first: $first, after: $after, filter: $filter, sort: NAME_ASC) {\n      totalCount\n      pageInfo {\n        ...AdminPageInfo\n      }\n      edges {\n        node {\n          id\n          name\n          sku\n          inventory {\n            available\n            reserved\n            warehouses {\n              ...AdminStockLevel\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;