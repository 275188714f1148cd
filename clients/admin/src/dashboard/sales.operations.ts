import { graphql } from '../gql';

/** The dashboard's figures from the analytics read model: a report per UTC day, and what is running low. */
export const AdminSalesDashboardQuery = graphql(`
  query AdminSalesDashboard($from: String!, $to: String!, $threshold: Int!) {
    salesReport(from: $from, to: $to, granularity: DAY) {
      rows {
        periodStart
        currency
        ordersPlaced
        ordersPaid
        ordersCancelled
        revenue {
          ...AdminMoney
        }
        placedToPaidConversion
      }
    }
    lowStock(threshold: $threshold, first: 20) {
      product {
        id
        name
        sku
      }
      available
      onHand
      warehouses {
        warehouseCode
        available
        onHand
      }
    }
  }
`);

/** The same days as CSV, per product: what the "Download CSV" button saves. */
export const AdminSalesReportCsvQuery = graphql(`
  query AdminSalesReportCsv($from: String!, $to: String!) {
    salesReportCsv(from: $from, to: $to, granularity: DAY, groupBy: PRODUCT)
  }
`);
