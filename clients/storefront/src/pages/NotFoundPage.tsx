/** (Skeleton, issue #12.) */
export function NotFoundPage() {
  return <h1>NotFound</h1>;
}
