/** (Skeleton, issue #12.) */
export function AccountPage() {
  return <h1>Account</h1>;
}
