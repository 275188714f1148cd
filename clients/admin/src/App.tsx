import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useSession } from '@techally/app-kit';
import { ApiKeysPage } from './api-keys/ApiKeysPage';
import { CategoriesPage } from './categories/CategoriesPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { OrderPage } from './orders/OrderPage';
import { OrdersPage } from './orders/OrdersPage';
import { ProductEditPage } from './products/ProductEditPage';
import { ProductNewPage } from './products/ProductNewPage';
import { ProductsPage } from './products/ProductsPage';
import { ReviewsPage } from './reviews/ReviewsPage';
import { SettingsPage } from './settings/SettingsPage';
import { Layout } from './shell/Layout';
import { NotStaffPage } from './shell/NotStaffPage';
import { SignInPage } from './shell/SignInPage';
import { StockPage } from './stock/StockPage';

/**
 * The back office, served by the gateway at /admin/. Signed out: the sign-in form. Signed in without the ADMIN
 * role: says so (the graph would refuse every page anyway). Staff: the pages.
 */
export function App() {
  const { state } = useSession();
  if (!state) return <SignInPage />;
  if (!state.user.roles.includes('ADMIN')) return <NotStaffPage />;
  return (
    <BrowserRouter basename="/admin">
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<DashboardPage />} />
          <Route path="products" element={<ProductsPage />} />
          <Route path="products/new" element={<ProductNewPage />} />
          <Route path="products/:id" element={<ProductEditPage />} />
          <Route path="categories" element={<CategoriesPage />} />
          <Route path="stock" element={<StockPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="reviews" element={<ReviewsPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
